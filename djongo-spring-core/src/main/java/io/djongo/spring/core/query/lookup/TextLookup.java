package io.djongo.spring.core.query.lookup;

import java.util.List;

import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The text lookups: {@code iexact}, {@code contains}, {@code icontains}, {@code startswith}, {@code istartswith},
 * {@code endswith}, {@code iendswith}. The value is a literal: every regular-expression metacharacter is escaped,
 * and nothing is trimmed. The {@code i...} forms fold case per character over all of Unicode (Ü/ü, É/é; ß is not
 * expanded to SS).
 */
public final class TextLookup implements Lookup {

	/** {@code iexact}. */
	public static final TextLookup IEXACT = new TextLookup("iexact", "^", "\\z", true);

	/** {@code contains}. */
	public static final TextLookup CONTAINS = new TextLookup("contains", "", "", false);

	/** {@code icontains}. */
	public static final TextLookup ICONTAINS = new TextLookup("icontains", "", "", true);

	/** {@code startswith}. */
	public static final TextLookup STARTSWITH = new TextLookup("startswith", "^", "", false);

	/** {@code istartswith}. */
	public static final TextLookup ISTARTSWITH = new TextLookup("istartswith", "^", "", true);

	/** {@code endswith}. */
	public static final TextLookup ENDSWITH = new TextLookup("endswith", "", "\\z", false);

	/** {@code iendswith}. */
	public static final TextLookup IENDSWITH = new TextLookup("iendswith", "", "\\z", true);

	private static final String METACHARACTERS = "\\^$.|?*+()[]{}";

	private final String name;

	private final String prefix;

	private final String suffix;

	private final boolean caseInsensitive;

	private TextLookup(String name, String prefix, String suffix, boolean caseInsensitive) {
		this.name = name;
		this.prefix = prefix;
		this.suffix = suffix;
		this.caseInsensitive = caseInsensitive;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Shape shape() {
		return Shape.TEXT;
	}

	/** The regular expression matching the literal text as this lookup does. */
	public String pattern(String text) {
		return this.prefix + escape(text) + this.suffix;
	}

	/** The regular-expression options: {@code "i"} for the case-insensitive forms. */
	public String options() {
		return this.caseInsensitive ? "i" : "";
	}

	@Override
	public Bson onField(String path, Object value) {
		return new Document(path, new BsonRegularExpression(pattern((String) value), options()));
	}

	@Override
	public Object onExpression(Object expression, Object value) {
		return new Document("$regexMatch",
				new Document("input", expression).append("regex", pattern((String) value)).append("options", options()));
	}

	/**
	 * Escapes every character that means something in PCRE or Java regular expressions, so that the text matches
	 * itself on MongoDB and on the embedded server alike. Letters and digits are never escaped ({@code \Q...\E} is
	 * avoided since the text itself could contain {@code \E}).
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		text.codePoints().forEach((codePoint) -> {
			if (codePoint < 128 && METACHARACTERS.indexOf(codePoint) >= 0) {
				escaped.append('\\');
			}
			escaped.appendCodePoint(codePoint);
		});
		return escaped.toString();
	}

	@Override
	public String toString() {
		return this.name + List.of(this.prefix, this.suffix);
	}

}
