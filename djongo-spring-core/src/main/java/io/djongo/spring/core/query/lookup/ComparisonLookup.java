package io.djongo.spring.core.query.lookup;

import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code exact}, {@code gt}, {@code gte}, {@code lt}, {@code lte}: one comparison operator. Values sit under the
 * operator ({@code {field: {$eq: value}}}), where MongoDB compares them literally, even a document with
 * {@code $} keys.
 */
public final class ComparisonLookup implements Lookup {

	/** {@code exact}. */
	public static final ComparisonLookup EXACT = new ComparisonLookup("exact", "$eq");

	/** {@code gt}. */
	public static final ComparisonLookup GT = new ComparisonLookup("gt", "$gt");

	/** {@code gte}. */
	public static final ComparisonLookup GTE = new ComparisonLookup("gte", "$gte");

	/** {@code lt}. */
	public static final ComparisonLookup LT = new ComparisonLookup("lt", "$lt");

	/** {@code lte}. */
	public static final ComparisonLookup LTE = new ComparisonLookup("lte", "$lte");

	private final String name;

	private final String operator;

	private ComparisonLookup(String name, String operator) {
		this.name = name;
		this.operator = operator;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Shape shape() {
		return Shape.SINGLE;
	}

	/** The MongoDB operator, e.g. {@code $gte}. */
	public String operator() {
		return this.operator;
	}

	@Override
	public Bson onField(String path, Object value) {
		return new Document(path, new Document(this.operator, value));
	}

	@Override
	public Object onExpression(Object expression, Object value) {
		return new Document(this.operator, List.of(expression, Literals.literal(value)));
	}

}
