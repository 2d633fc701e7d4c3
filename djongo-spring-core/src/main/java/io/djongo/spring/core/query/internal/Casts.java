package io.djongo.spring.core.query.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.model.FieldError;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Django's {@code Cast} as PostgreSQL converts: a float to an integer rounds half to even, a decimal to an integer
 * half away from zero, a whole float to text has no fraction ({@code 1.0} is {@code "1"}), a date to text is
 * {@code yyyy-MM-dd}. A conversion PostgreSQL would answer differently from MongoDB (text to a boolean, a date-time
 * to text) is refused rather than answered wrongly. Casts to decimals use {@code $toDecimal}, which the embedded
 * server lacks.
 */
final class Casts {

	private Casts() {
	}

	static ExpressionCompiler.Result cast(ExpressionCompiler.Result input, Class<?> target, String where) {
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(target);
		ExpressionTypes.Kind from = ExpressionTypes.kind(input.type());
		ExpressionTypes.Kind to = ExpressionTypes.kind(type);
		Object x = input.expression();
		if (from == ExpressionTypes.Kind.NULL || x == null) {
			return new ExpressionCompiler.Result(null, type);
		}
		Object converted = switch (to) {
			case INTEGER -> integer(x, from, type, where);
			case FLOAT -> (from == ExpressionTypes.Kind.FLOAT) ? x : new Document("$toDouble", x);
			case DECIMAL -> (from == ExpressionTypes.Kind.DECIMAL) ? x : new Document("$toDecimal", x);
			case TEXT -> text(x, from, where);
			case BOOLEAN -> {
				if (from == ExpressionTypes.Kind.TEXT) {
					throw refused(input, type, where, "PostgreSQL reads 't', 'yes', 'on', '1'... where MongoDB "
							+ "takes every string as true");
				}
				yield (from == ExpressionTypes.Kind.BOOLEAN) ? x : new Document("$toBool", x);
			}
			case DATE_TIME -> {
				if (from == ExpressionTypes.Kind.DATE_TIME || from == ExpressionTypes.Kind.DATE) {
					yield x;
				}
				if (from == ExpressionTypes.Kind.TEXT) {
					yield new Document("$toDate", x);
				}
				throw refused(input, type, where, null);
			}
			case DATE -> {
				if (from == ExpressionTypes.Kind.DATE_TIME) {
					yield Transform.DATE.apply(x, java.time.ZoneOffset.UTC);
				}
				if (from == ExpressionTypes.Kind.DATE) {
					yield x;
				}
				throw refused(input, type, where, null);
			}
			default -> {
				if (from == to) {
					yield x;
				}
				throw refused(input, type, where, null);
			}
		};
		return new ExpressionCompiler.Result(ExpressionCompiler.ifNotNull(x, converted), type);
	}

	private static Object integer(Object x, ExpressionTypes.Kind from, Class<?> type, String where) {
		String operator = (type == Long.class || type == java.math.BigInteger.class) ? "$toLong" : "$toInt";
		return switch (from) {
			case INTEGER, UNKNOWN, BOOLEAN -> new Document(operator, x);
			case TEXT -> new Document(operator, x);
			case FLOAT -> new Document(operator, halfToEven(x));
			case DECIMAL -> new Document(operator, halfAwayFromZero(x));
			default -> throw new FieldError(where + ": Cannot cast a " + from.name().toLowerCase(java.util.Locale.ROOT)
					+ " to " + type.getSimpleName());
		};
	}

	/** A double rounded to the nearest integer, ties to even, as PostgreSQL's {@code rint}. */
	private static Object halfToEven(Object x) {
		Object floor = new Document("$floor", x);
		Object fraction = new Document("$subtract", List.of(x, floor));
		Object up = new Document("$add", List.of(floor, 1));
		Object even = new Document("$eq", List.of(new Document("$mod", List.of(floor, 2)), 0));
		return new Document("$cond", List.of(new Document("$gt", List.of(fraction, 0.5)), up,
				new Document("$cond", List.of(new Document("$lt", List.of(fraction, 0.5)), floor,
						new Document("$cond", List.of(even, floor, up))))));
	}

	private static Object halfAwayFromZero(Object x) {
		Object sign = new Document("$cond", List.of(new Document("$lt", List.of(x, 0)), -1, 1));
		Object magnitude = new Document("$floor",
				new Document("$add", List.of(new Document("$abs", x), new Decimal128(new BigDecimal("0.5")))));
		return new Document("$multiply", List.of(sign, magnitude));
	}

	private static Object text(Object x, ExpressionTypes.Kind from, String where) {
		return switch (from) {
			case TEXT -> x;
			case INTEGER, DECIMAL, BOOLEAN, UNKNOWN -> new Document("$toString", x);
			// a whole double without its ".0", as PostgreSQL (and MongoDB, but not the embedded server) writes it
			case FLOAT -> new Document("$cond", Arrays.asList(
					new Document("$eq", List.of(x, new Document("$trunc", x))),
					new Document("$toString", new Document("$toLong", x)), new Document("$toString", x)));
			case DATE -> new Document("$dateToString", new Document("date", x).append("format", "%Y-%m-%d")
				.append("timezone", "UTC"));
			default -> throw new FieldError(where + ": Cannot cast a " + from.name().toLowerCase(java.util.Locale.ROOT)
					+ " to String: PostgreSQL's text form of it differs from MongoDB's");
		};
	}

	private static FieldError refused(ExpressionCompiler.Result input, Class<?> type, String where,
			@Nullable String why) {
		return new FieldError(where + ": Cannot cast " + input.type().getSimpleName() + " to " + type.getSimpleName()
				+ ((why != null) ? ": " + why : ""));
	}

}
