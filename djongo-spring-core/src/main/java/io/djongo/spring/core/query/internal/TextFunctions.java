package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.model.FieldError;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The text functions as PostgreSQL computes them in a UTF-8 database, in characters (code points), from operators
 * that MongoDB and the embedded server share ({@code $substrCP}, {@code $strLenCP}, {@code $indexOfCP},
 * {@code $split}, {@code $reduce} over {@code $range}), except {@code Trim}s, which are MongoDB's {@code $trim}s.
 * Callers guard null inputs.
 */
final class TextFunctions {

	private static final String LOWER_FROM;

	private static final String LOWER_TO;

	private static final String UPPER_FROM;

	private static final String UPPER_TO;

	static {
		// Unicode's simple case mappings, one character to one, as PostgreSQL's lower() and upper() apply them
		StringBuilder lowerFrom = new StringBuilder();
		StringBuilder lowerTo = new StringBuilder();
		StringBuilder upperFrom = new StringBuilder();
		StringBuilder upperTo = new StringBuilder();
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			if (Character.isSurrogate((char) c)) {
				continue;
			}
			int lower = Character.toLowerCase(c);
			if (lower != c && Character.isBmpCodePoint(lower)) {
				lowerFrom.appendCodePoint(c);
				lowerTo.appendCodePoint(lower);
			}
			int upper = Character.toUpperCase(c);
			if (upper != c && Character.isBmpCodePoint(upper)) {
				upperFrom.appendCodePoint(c);
				upperTo.appendCodePoint(upper);
			}
		}
		LOWER_FROM = lowerFrom.toString();
		LOWER_TO = lowerTo.toString();
		UPPER_FROM = upperFrom.toString();
		UPPER_TO = upperTo.toString();
	}

	private TextFunctions() {
	}

	/**
	 * Django's {@code Concat} on PostgreSQL: {@code COALESCE(a, '') || COALESCE(b, '') ...}; arguments must be text.
	 */
	static ExpressionCompiler.Result concat(List<ExpressionCompiler.Result> args, String where) {
		List<Object> parts = new ArrayList<>();
		for (ExpressionCompiler.Result arg : args) {
			ExpressionTypes.Kind kind = ExpressionTypes.kind(arg.type());
			if (kind != ExpressionTypes.Kind.TEXT && kind != ExpressionTypes.Kind.NULL
					&& kind != ExpressionTypes.Kind.UNKNOWN) {
				throw new FieldError(where + ": Expression contains mixed types: String, " + arg.type().getSimpleName()
						+ ". You must set output_field: convert it with Cast.of(..., String.class)");
			}
			parts.add((arg.expression() == null) ? new Document("$literal", "")
					: new Document("$ifNull", Arrays.asList(arg.expression(), "")));
		}
		return new ExpressionCompiler.Result(new Document("$concat", parts), String.class);
	}

	/**
	 * Lower or upper case, character by character over Unicode: MongoDB's {@code $toLower} and {@code $toUpper} fold
	 * ASCII only (and the embedded server's fold {@code ß} into {@code SS}), so each character is looked up in the
	 * table of case mappings.
	 */
	static Object caseMapped(@Nullable Object text, boolean lower) {
		String from = lower ? LOWER_FROM : UPPER_FROM;
		String to = lower ? LOWER_TO : UPPER_TO;
		Object character = new Document("$substrCP", Arrays.asList(text, "$$this", 1));
		Object index = new Document("$indexOfCP", List.of(new Document("$literal", from), character));
		Object mapped = new Document("$cond", Arrays.asList(new Document("$gte", List.of(index, 0)),
				new Document("$substrCP", List.of(new Document("$literal", to), index, 1)), character));
		return eachCharacter(text, new Document("$concat", List.of("$$value", mapped)));
	}

	/** A {@code $reduce} over the character positions of the text, from {@code ""}. */
	private static Object eachCharacter(@Nullable Object text, Object in) {
		return new Document("$reduce", new Document("input", range(new Document("$strLenCP", text)))
			.append("initialValue", "")
			.append("in", in));
	}

	private static Object range(Object length) {
		return new Document("$range", List.of(0, length));
	}

	/** PostgreSQL's {@code reverse}. */
	static Object reverse(@Nullable Object text) {
		Object character = new Document("$substrCP", Arrays.asList(text, "$$this", 1));
		return eachCharacter(text, new Document("$concat", List.of(character, "$$value")));
	}

	/** PostgreSQL's {@code substring(text from pos for length)}, pos 1-based; to the end without a length. */
	static Object substr(@Nullable Object text, ExpressionCompiler.Result pos, ExpressionCompiler.@Nullable Result length) {
		Object start = (pos.expression() instanceof Number number) ? (Object) (number.intValue() - 1)
				: new Document("$subtract", Arrays.asList(pos.expression(), 1));
		Object count = (length != null) ? length.expression() : new Document("$strLenCP", text);
		return new Document("$substrCP", Arrays.asList(text, start, count));
	}

	/** PostgreSQL's {@code left}: the first n characters; a negative n drops the last -n. */
	static Object left(@Nullable Object text, ExpressionCompiler.Result length) {
		Object n = length.expression();
		if (n instanceof Number number && number.longValue() >= 0) {
			return new Document("$substrCP", Arrays.asList(text, 0, n));
		}
		Object len = new Document("$strLenCP", text);
		Object count = new Document("$cond", Arrays.asList(new Document("$lt", Arrays.asList(n, 0)),
				new Document("$max", Arrays.asList(new Document("$add", Arrays.asList(len, n)), 0)), n));
		return new Document("$substrCP", Arrays.asList(text, 0, count));
	}

	/** PostgreSQL's {@code right}: the last n characters; a negative n drops the first -n. */
	static Object right(@Nullable Object text, ExpressionCompiler.Result length) {
		Object n = length.expression();
		Object len = new Document("$strLenCP", text);
		Object fromEnd = new Document("$max", Arrays.asList(new Document("$subtract", Arrays.asList(len, n)), 0));
		if (n instanceof Number number && number.longValue() >= 0) {
			return new Document("$substrCP", Arrays.asList(text, fromEnd, n));
		}
		Object negative = new Document("$lt", Arrays.asList(n, 0));
		Object start = new Document("$cond", Arrays.asList(negative,
				new Document("$min", Arrays.asList(new Document("$multiply", Arrays.asList(n, -1)), len)), fromEnd));
		Object count = new Document("$cond", Arrays.asList(negative, len, n));
		return new Document("$substrCP", Arrays.asList(text, start, count));
	}

	/** PostgreSQL's {@code trim}: spaces only, where MongoDB's default trims every whitespace character. */
	static Object trim(String operator, @Nullable Object text) {
		return new Document(operator, new Document("input", text).append("chars", " "));
	}

	/**
	 * PostgreSQL's {@code replace}: every occurrence, case-sensitively; an empty search text changes nothing. The
	 * text is split on the search text and joined with the replacement ({@code $replaceAll} is MongoDB 4.4's and not
	 * the embedded server's).
	 */
	static Object replace(@Nullable Object text, @Nullable Object search, @Nullable Object replacement) {
		Object parts = new Document("$split", Arrays.asList(text, search));
		Object joined = new Document("$reduce",
				new Document("input", new Document("$slice", Arrays.asList(parts, 1, new Document("$size", parts))))
					.append("initialValue", new Document("$arrayElemAt", Arrays.asList(parts, 0)))
					.append("in", new Document("$concat", Arrays.asList("$$value", replacement, "$$this"))));
		return new Document("$cond", Arrays.asList(new Document("$eq", Arrays.asList(search, "")), text, joined));
	}

	/**
	 * PostgreSQL's {@code lpad}/{@code rpad}: the text cut to the length, or padded with the fill text repeated
	 * (cut to fit); an empty fill text pads nothing.
	 */
	static Object pad(@Nullable Object text, @Nullable Object length, @Nullable Object fill, boolean left) {
		Object len = new Document("$strLenCP", text);
		Object fillLength = new Document("$strLenCP", fill);
		Object padding = new Document("$reduce",
				new Document("input", range(new Document("$subtract", Arrays.asList(length, len))))
					.append("initialValue", "")
					.append("in", new Document("$concat", List.of("$$value", new Document("$substrCP",
							Arrays.asList(fill, new Document("$mod", List.of("$$this", fillLength)), 1))))));
		Object padded = new Document("$concat", left ? Arrays.asList(padding, text) : Arrays.asList(text, padding));
		Object cut = new Document("$substrCP", Arrays.asList(text, 0, length));
		Object longEnough = new Document("$or", Arrays.asList(new Document("$lte", Arrays.asList(length, len)),
				new Document("$eq", Arrays.asList(fillLength, 0))));
		return new Document("$cond", Arrays.asList(longEnough, cut, padded));
	}

}
