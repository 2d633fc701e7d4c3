package io.djongo.spring.core.query.internal;

import java.util.List;

import io.djongo.spring.core.query.InvalidLookupException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.geo.Point;

/**
 * The one {@code $geoNear} stage of a QuerySet, asked by a {@code __near} lookup or a {@code GeoDistance}: MongoDB
 * allows one, as the first stage of the pipeline, with the QuerySet's filter on stored fields as its {@code query}
 * (so {@code $near}, which a {@code count} or an {@code aggregate} cannot hold, is never sent). Distances are spherical
 * and in meters, from a GeoJSON point, which needs a 2dsphere index on the field (stored points may be GeoJSON or
 * legacy pairs). The distance of each document is kept under {@link #DISTANCE}.
 *
 * @param key the stored path of the point field
 * @param point the point measured from
 * @param minMeters the nearest distance kept, or null
 * @param maxMeters the farthest distance kept, or null
 * @param orders whether the QuerySet is ordered by distance unless {@code orderBy} says otherwise ({@code __near})
 * @param description the lookup or function asking, for messages
 */
record GeoNear(String key, Point point, @Nullable Double minMeters, @Nullable Double maxMeters, boolean orders,
		String description) {

	/** Where {@code $geoNear} puts the distance of each document, in meters. */
	static final String DISTANCE = TargetResolver.JOIN_PREFIX + "distance";

	/** The same stage serving both, or a clear error when MongoDB's one {@code $geoNear} cannot. */
	GeoNear merge(GeoNear other) {
		if (!this.key.equals(other.key) || this.point.getX() != other.point.getX()
				|| this.point.getY() != other.point.getY()) {
			throw new InvalidLookupException(other.description + ": a QuerySet measures distances from one point on"
					+ " one field (MongoDB's one $geoNear stage), but " + this.description + " already measures from "
					+ shown(this.point) + " on '" + this.key + "'");
		}
		return new GeoNear(this.key, this.point, bound(this.minMeters, other.minMeters, other),
				bound(this.maxMeters, other.maxMeters, other), this.orders || other.orders, this.description);
	}

	private @Nullable Double bound(@Nullable Double mine, @Nullable Double theirs, GeoNear other) {
		if (mine != null && theirs != null && !mine.equals(theirs)) {
			throw new InvalidLookupException(other.description + ": two near lookups with different distances ("
					+ this.description + "); give one near lookup both bounds");
		}
		return (mine != null) ? mine : theirs;
	}

	/** The stage, the filter on stored fields as its query (none when it keeps everything). */
	Document stage(Filter query) {
		Document near = new Document("near", GeoValues.geoJson(this.point)).append("distanceField", DISTANCE);
		if (this.minMeters != null) {
			near.append("minDistance", this.minMeters);
		}
		if (this.maxMeters != null) {
			near.append("maxDistance", this.maxMeters);
		}
		if (!query.isTrue()) {
			near.append("query", query.toBson());
		}
		near.append("spherical", true).append("key", this.key);
		return new Document("$geoNear", near);
	}

	/** The distance in a unit, as an expression over the stage's output. */
	static Object distanceIn(double metersPerUnit) {
		return (metersPerUnit == 1.0) ? "$" + DISTANCE : new Document("$divide", List.of("$" + DISTANCE, metersPerUnit));
	}

	static String shown(Point point) {
		return "(" + point.getX() + ", " + point.getY() + ")";
	}

}
