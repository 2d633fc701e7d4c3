package io.djongo.spring.core.query.internal;

import java.util.List;
import java.util.Objects;

import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.QuerySet;
import org.bson.Document;

/**
 * The {@link FilterCompiler}'s geo and text lookups ({@link Lookup#isQueryOnly()}): conditions only MongoDB's
 * query language has, on the model's own stored fields, and the {@code $geoNear} stage or {@code $text} search they
 * record in the uses.
 */
final class GeoTextLookups {

	private final LookupValues values;

	GeoTextLookups(LookupValues values) {
		this.values = values;
	}

	/**
	 * A geo or text lookup, which only MongoDB's query language has. A {@code near} is not a condition but the
	 * QuerySet's one {@code $geoNear} stage, recorded in the uses; a search is {@code $text}, which MongoDB allows once,
	 * on the collection's text index, in the first stage. Both must hold for every document kept: not negated, not
	 * excluded, not under an OR.
	 */
	Filter queryOnly(Target target, List<Transform> transforms, Lookup lookup, Object value, Scope scope,
			Uses uses, boolean top) {
		if (!transforms.isEmpty() || value instanceof Expression || value instanceof QuerySet) {
			throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName()
					+ " lookup takes a literal value on a stored field, not a transform, an expression or a QuerySet");
		}
		boolean whole = lookup == Lookup.NEAR || lookup == Lookup.SEARCH;
		if (whole && (!target.joins().isEmpty() || target.annotation())) {
			throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName()
					+ " lookup works on the model's own fields, not through a relation or on an annotation");
		}
		if (whole && !top) {
			throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName() + " lookup cannot be"
					+ " negated, excluded or combined with OR (MongoDB allows "
					+ ((lookup == Lookup.NEAR) ? "$geoNear" : "$text") + " only as a condition every result meets)");
		}
		if (lookup == Lookup.NEAR) {
			io.djongo.spring.core.query.geo.Near near = GeoValues.near(value, target);
			GeoValues.requireSphereIndex(scope.model(), target.storedPath(), target.description());
			uses.geoNear(new GeoNear(target.storedPath(), near.point(),
					(near.minDistance() != null) ? GeoValues.meters(near.minDistance(), target) : null,
					(near.maxDistance() != null) ? GeoValues.meters(near.maxDistance(), target) : null, true,
					target.description()));
			return Filter.TRUE;
		}
		if (lookup == Lookup.SEARCH) {
			TextIndexes.requireIndexed(scope.model(), target);
			if (uses.isText()) {
				// two searches in one filter() call; Searches refuses one made in another call
				throw new InvalidLookupException(Searches.oneSearch(scope.model()));
			}
			uses.text();
		}
		Object converted = Objects.requireNonNull(this.values.convert(lookup, value, target.valueType(), target));
		if (converted instanceof Document shape && shape.get("$centerSphere") instanceof List<?> circle
				&& Double.valueOf(0.0).equals(circle.get(1))) {
			// nothing is closer than no distance; everything with a point is at least that far
			if (lookup == Lookup.DISTANCE_LT) {
				return Filter.FALSE;
			}
			if (lookup == Lookup.DISTANCE_GTE) {
				return Filter.of(FilterCompiler.condition(Lookup.ISNULL, false, Operand.field(target.storedPath())));
			}
		}
		return Filter.of(FilterCompiler.condition(lookup, converted, Operand.field(target.storedPath())));
	}

}
