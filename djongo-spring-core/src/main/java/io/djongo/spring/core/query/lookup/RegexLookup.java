package io.djongo.spring.core.query.lookup;

import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code regex} and {@code iregex}: the value is a regular expression that must be found somewhere in the field
 * (a search, not a whole-value match), as Django's lookups do. {@code iregex} folds case over all of Unicode.
 */
public final class RegexLookup implements Lookup {

	/** {@code regex}. */
	public static final RegexLookup REGEX = new RegexLookup("regex", "");

	/** {@code iregex}. */
	public static final RegexLookup IREGEX = new RegexLookup("iregex", "i");

	private final String name;

	private final String options;

	private RegexLookup(String name, String options) {
		this.name = name;
		this.options = options;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Shape shape() {
		return Shape.TEXT;
	}

	@Override
	public Bson onField(String path, Object value) {
		return new Document(path, new BsonRegularExpression((String) value, this.options));
	}

	@Override
	public Object onExpression(Object expression, Object value) {
		return new Document("$regexMatch",
				new Document("input", expression).append("regex", value).append("options", this.options));
	}

}
