package io.djongo.spring.core.query.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Django's lookups: the last part of a filter keyword ({@code exact}, {@code icontains}, {@code gt}, {@code in},
 * ...). A lookup only names what is compared and how its value is shaped; {@link FilterCompiler} turns it into a
 * condition, in one switch.
 */
enum Lookup {

	/** Equal; null means {@code isnull}. */
	EXACT("exact", Shape.SINGLE),

	/** Equal ignoring case, as a regular expression; null means {@code isnull}. */
	IEXACT("iexact", Shape.TEXT),

	/** Contains the text. */
	CONTAINS("contains", Shape.TEXT),

	/** Contains the text, ignoring case. */
	ICONTAINS("icontains", Shape.TEXT),

	/** One of a collection of values; null elements are ignored and an empty collection matches nothing. */
	IN("in", Shape.LIST),

	/** Greater than. */
	GT("gt", Shape.SINGLE),

	/** Greater than or equal. */
	GTE("gte", Shape.SINGLE),

	/** Less than. */
	LT("lt", Shape.SINGLE),

	/** Less than or equal. */
	LTE("lte", Shape.SINGLE),

	/** Starts with the text. */
	STARTSWITH("startswith", Shape.TEXT),

	/** Starts with the text, ignoring case. */
	ISTARTSWITH("istartswith", Shape.TEXT),

	/** Ends with the text. */
	ENDSWITH("endswith", Shape.TEXT),

	/** Ends with the text, ignoring case. */
	IENDSWITH("iendswith", Shape.TEXT),

	/** Between two bounds, both included, as SQL's {@code BETWEEN} (Spring Data's {@code Between} excludes them). */
	RANGE("range", Shape.PAIR),

	/** {@code true}: null or missing; {@code false}: present and not null. */
	ISNULL("isnull", Shape.BOOLEAN),

	/** A regular expression found somewhere in the field. */
	REGEX("regex", Shape.PATTERN),

	/** A regular expression found somewhere in the field, ignoring case over all of Unicode. */
	IREGEX("iregex", Shape.PATTERN),

	/** Nearest first, within optional bounds: one {@code $geoNear} stage ({@link GeoNear}), not a condition. */
	NEAR("near", Shape.GEO),

	/** Inside a shape: {@code $geoWithin}. */
	WITHIN("within", Shape.GEO),

	/** Sharing a point with a GeoJSON geometry: {@code $geoIntersects}. */
	INTERSECTS("intersects", Shape.GEO),

	/** Closer than a distance on the sphere: {@code $geoWithin} a {@code $centerSphere}. */
	DISTANCE_LT("distance_lt", Shape.GEO),

	/** At most a distance away on the sphere: {@code $geoWithin} a {@code $centerSphere}. */
	DISTANCE_LTE("distance_lte", Shape.GEO),

	/** Farther than a distance on the sphere: not {@code $geoWithin} a {@code $centerSphere}, the point present. */
	DISTANCE_GT("distance_gt", Shape.GEO),

	/** At least a distance away on the sphere: not {@code $geoWithin} a {@code $centerSphere}, the point present. */
	DISTANCE_GTE("distance_gte", Shape.GEO),

	/** A full-text search of the model's text index, MongoDB's {@code $text} syntax (phrases, negation). */
	SEARCH("search", Shape.SEARCH);

	/** The shape of value a lookup takes. */
	enum Shape {

		/** One value of the field's type. */
		SINGLE,

		/** A collection of values of the field's type. */
		LIST,

		/** Exactly two values of the field's type. */
		PAIR,

		/** {@code true} or {@code false}. */
		BOOLEAN,

		/** A string, matched literally as text. */
		TEXT,

		/** A string, read as a regular expression. */
		PATTERN,

		/** A point, a shape or a point and a distance ({@link GeoValues}). */
		GEO,

		/** A string, searched as MongoDB's {@code $search} text (never an operator). */
		SEARCH

	}

	private static final Map<String, Lookup> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Lookup::lookupName, Function.identity()));

	private final String lookupName;

	private final Shape shape;

	Lookup(String lookupName, Shape shape) {
		this.lookupName = lookupName;
		this.shape = shape;
	}

	/** The lookup named so after {@code __}, or null. */
	static @Nullable Lookup named(String name) {
		return BY_NAME.get(name);
	}

	/** The name written after {@code __}. */
	String lookupName() {
		return this.lookupName;
	}

	Shape shape() {
		return this.shape;
	}

	/** Whether the lookup compares strings only. */
	boolean isText() {
		return this.shape == Shape.TEXT || this.shape == Shape.PATTERN || this.shape == Shape.SEARCH;
	}

	/**
	 * Whether the lookup exists only in MongoDB's query language (geo operators, {@code $text}), not as an
	 * aggregation expression: usable in {@code filter} and {@code exclude}, not in {@code When} or an aggregate's
	 * filter.
	 */
	boolean isQueryOnly() {
		return this.shape == Shape.GEO || this.shape == Shape.SEARCH;
	}

	/** Whether the lookup applies to values of a type: the text lookups only to strings, the geo ones to points. */
	boolean appliesTo(Class<?> type) {
		if (this.shape == Shape.GEO) {
			return GeoValues.isGeo(type);
		}
		return !isText() || type == String.class || type == Object.class || type == Character.class
				|| type == char.class;
	}

	@Override
	public String toString() {
		return this.lookupName;
	}

}
