package io.djongo.spring.core.query.geo;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.data.geo.Distance;
import org.springframework.data.geo.Point;

/**
 * The value of a {@code __near} lookup: a point, and optionally the nearest and farthest distance kept
 * ({@code filter("location__near", Near.to(point).maxDistance(D.km(5)))}). A plain {@link Point} is the same as
 * {@code Near.to(point)}. Immutable.
 *
 * @param point the point to measure from: longitude ({@code x}) and latitude ({@code y}) in degrees
 * @param minDistance the nearest distance kept, or null
 * @param maxDistance the farthest distance kept, or null
 */
public record Near(Point point, @Nullable Distance minDistance, @Nullable Distance maxDistance) {

	public Near {
		Objects.requireNonNull(point, "point");
		if (minDistance != null) {
			D.toRadians(minDistance);
		}
		if (maxDistance != null) {
			D.toRadians(maxDistance);
		}
	}

	/** Every document with a point, nearest first. */
	public static Near to(Point point) {
		return new Near(point, null, null);
	}

	/** The same, keeping documents at most this far (inclusive: MongoDB's {@code maxDistance}). */
	public Near maxDistance(Distance distance) {
		return new Near(this.point, this.minDistance, distance);
	}

	/** The same, keeping documents at least this far (inclusive: MongoDB's {@code minDistance}). */
	public Near minDistance(Distance distance) {
		return new Near(this.point, distance, this.maxDistance);
	}

}
