package io.djongo.spring.core.query.internal;

import java.util.Arrays;
import java.util.List;

import org.bson.BsonRegularExpression;
import org.bson.Document;

/**
 * What a lookup's condition is built on, in the language that tests it. {@link FilterCompiler}'s one switch over
 * {@link Lookup} calls one method per kind of test; each operand renders it its own way: a stored field in
 * MongoDB's query language ({@link #field}), which uses indexes, or a computed value as an aggregation expression
 * for {@code $expr} ({@link #computed}). Values arrive converted to their stored form and never null.
 *
 * @param <R> what a condition is: a filter document, or an aggregation expression
 */
interface Operand<R> {

	/** The five comparisons of a value with the operand, each one operator in both languages. */
	enum Comparison {

		EQ("$eq"), GT("$gt"), GTE("$gte"), LT("$lt"), LTE("$lte");

		private final String operator;

		Comparison(String operator) {
			this.operator = operator;
		}

		String operator() {
			return this.operator;
		}

	}

	R compare(Comparison comparison, Object value);

	R in(List<?> values);

	/** Between two bounds, both included. */
	R range(Object from, Object to);

	R isNull(boolean isNull);

	/** A regular expression found somewhere in the value. */
	R matches(String pattern, String options);

	// The geo and text operators exist only in the query language (a stored field); callers check
	// Lookup.isQueryOnly() first and say which lookup, so the other operands never see them.

	/** Inside a shape: {@code $geoWithin}. */
	default R geoWithin(Document shape) {
		throw new IllegalStateException("$geoWithin has no aggregation expression");
	}

	/** Present and not inside a shape: the complement of {@link #geoWithin} among documents with a point. */
	default R notGeoWithin(Document shape) {
		throw new IllegalStateException("$geoWithin has no aggregation expression");
	}

	/** Sharing a point with a geometry: {@code $geoIntersects}. */
	default R geoIntersects(Document geometry) {
		throw new IllegalStateException("$geoIntersects has no aggregation expression");
	}

	/** The model's full-text search, {@code $text}: not on one field, on the collection's text index. */
	default R search(String text) {
		throw new IllegalStateException("$text has no aggregation expression");
	}

	/** A stored field, by its dotted path: {@code {path: {$gte: value}}}. */
	static Operand<Document> field(String path) {
		return new Field(path);
	}

	/** A computed value: {@code {$gte: [expression, value]}}, user values kept literal. */
	static Operand<Object> computed(Object expression) {
		return new Computed(expression);
	}

	/** A stored field in MongoDB's query language, where values are compared literally under an operator. */
	record Field(String path) implements Operand<Document> {

		private Document on(Object condition) {
			return new Document(this.path, condition);
		}

		@Override
		public Document compare(Comparison comparison, Object value) {
			// under $eq, even a document with '$' keys is compared literally
			return on(new Document(comparison.operator(), value));
		}

		@Override
		public Document in(List<?> values) {
			return on(new Document("$in", values));
		}

		@Override
		public Document range(Object from, Object to) {
			return on(new Document("$gte", from).append("$lte", to));
		}

		@Override
		public Document isNull(boolean isNull) {
			return on(new Document(isNull ? "$eq" : "$ne", null));
		}

		@Override
		public Document matches(String pattern, String options) {
			return on(new BsonRegularExpression(pattern, options));
		}

		@Override
		public Document geoWithin(Document shape) {
			return on(new Document("$geoWithin", shape));
		}

		@Override
		public Document notGeoWithin(Document shape) {
			// as SQL's comparisons, a missing point is neither near nor far
			return new Document("$and", List.of(on(new Document("$ne", null)),
					new Document("$nor", List.of(geoWithin(shape)))));
		}

		@Override
		public Document geoIntersects(Document geometry) {
			return on(new Document("$geoIntersects", geometry));
		}

		@Override
		public Document search(String text) {
			// the text is the value of $search: a string, never an operator, whatever it contains
			return new Document("$text", new Document("$search", text));
		}

	}

	/** A computed value in aggregation expressions; callers guard against null operands, this only compares. */
	record Computed(Object expression) implements Operand<Object> {

		@Override
		public Object compare(Comparison comparison, Object value) {
			return new Document(comparison.operator(), Arrays.asList(this.expression, Literals.literal(value)));
		}

		@Override
		public Object in(List<?> values) {
			return new Document("$or", values.stream().map((value) -> compare(Comparison.EQ, value)).toList());
		}

		@Override
		public Object range(Object from, Object to) {
			return new Document("$and", List.of(compare(Comparison.GTE, from), compare(Comparison.LTE, to)));
		}

		@Override
		public Object isNull(boolean isNull) {
			// in aggregation order a missing value sorts below null, so "<= null" means null or missing
			return new Document(isNull ? "$lte" : "$gt", Arrays.asList(this.expression, null));
		}

		@Override
		public Object matches(String pattern, String options) {
			return new Document("$regexMatch",
					new Document("input", this.expression).append("regex", pattern).append("options", options));
		}

	}

}
