package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;
import io.djongo.spring.core.query.Value;
import io.djongo.spring.core.query.geo.D;
import org.springframework.data.geo.Distance;
import org.springframework.data.geo.Metric;
import org.springframework.data.geo.Point;

/**
 * Django GIS's {@code Distance}: the distance from a point field to a point, on the sphere, as a {@code Double}
 * ({@code annotate("distance", GeoDistance.of("location", point, Metrics.KILOMETERS)).orderBy("distance")}).
 * MongoDB computes it in one {@code $geoNear} stage, the first of the pipeline, which needs a 2dsphere index on the
 * field ({@code @GeoSpatialIndexed(type = GeoSpatialIndexType.GEO_2DSPHERE)}); so it is usable in {@code annotate}
 * and {@code alias} (and in what uses their name), with one point per QuerySet. Needs a real MongoDB.
 */
public final class GeoDistance {

	private GeoDistance() {
	}

	/** The distance in meters. */
	public static Func of(String field, Point point) {
		return of(field, point, D.METERS);
	}

	/** The distance in a unit: {@code Metrics.KILOMETERS}, {@code Metrics.MILES}, {@link D#METERS}. */
	public static Func of(String field, Point point, Metric unit) {
		// meters per unit: D's conversion of one unit
		double metersPerUnit = D.toMeters(new Distance(1, unit));
		return Func.of(Func.Function.GEO_DISTANCE, field, Value.of(point), Value.of(metersPerUnit));
	}

}
