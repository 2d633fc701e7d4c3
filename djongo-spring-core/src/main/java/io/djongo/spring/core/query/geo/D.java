package io.djongo.spring.core.query.geo;

import org.springframework.data.geo.CustomMetric;
import org.springframework.data.geo.Distance;
import org.springframework.data.geo.Metric;
import org.springframework.data.geo.Metrics;

/**
 * Django's {@code D}: a distance on the Earth with its unit, as Spring Data's {@link Distance}, for the geo lookups
 * ({@code filter("location__distance_lte", List.of(point, D.km(5)))}, {@link Near#maxDistance}) and
 * {@code GeoDistance}. MongoDB measures spherical distances in meters (GeoJSON) or radians ({@code $centerSphere}) on
 * one sphere of radius 6,378.1 km (the radius its manual divides by); djongo converts to radians with that radius,
 * so that a circle of {@code D.km(5)} holds exactly the points its {@code $geoNear} measures at 5 km or less. Units
 * convert with Spring Data's {@link Metrics} (kilometers and miles as ratios of their radius, 6,378,137 m).
 */
public final class D {

	private static final double EARTH_RADIUS_METERS = 6378137.0;

	/** MongoDB's sphere (its {@code kRadiusOfEarthInMeters}), on which its meters and radians agree. */
	private static final double MONGODB_EARTH_RADIUS_METERS = 6378100.0;

	/** Meters: Spring Data's {@link Metrics} have kilometers and miles, not meters. */
	public static final Metric METERS = new CustomMetric(EARTH_RADIUS_METERS, "m");

	private D() {
	}

	/** A distance in meters. */
	public static Distance m(double meters) {
		return new Distance(meters, METERS);
	}

	/** A distance in kilometers. */
	public static Distance km(double kilometers) {
		return new Distance(kilometers, Metrics.KILOMETERS);
	}

	/** A distance in statute miles. */
	public static Distance mi(double miles) {
		return new Distance(miles, Metrics.MILES);
	}

	/**
	 * The distance in meters.
	 * @throws IllegalArgumentException for a distance without a unit (Spring Data's {@code Metrics.NEUTRAL}), which
	 * means coordinate units on a flat plane, not a length on the Earth
	 */
	public static double toMeters(Distance distance) {
		// meters per unit first, so that meters and kilometers convert exactly
		return distance.getValue() * (EARTH_RADIUS_METERS / checked(distance).getMetric().getMultiplier());
	}

	/**
	 * The distance as an angle at the Earth's center, in radians: what {@code $centerSphere} takes, on MongoDB's
	 * sphere (the meters divided by 6,378,100), so that it agrees with the meters of {@code $geoNear}.
	 */
	public static double toRadians(Distance distance) {
		return toMeters(distance) / MONGODB_EARTH_RADIUS_METERS;
	}

	private static Distance checked(Distance distance) {
		Metric metric = distance.getMetric();
		if (metric == Metrics.NEUTRAL || metric.getMultiplier() == 1.0) {
			throw new IllegalArgumentException("A distance on the Earth needs a unit (D.m, D.km or D.mi), not "
					+ distance + " in neutral units");
		}
		if (distance.getValue() < 0 || Double.isNaN(distance.getValue()) || Double.isInfinite(distance.getValue())) {
			throw new IllegalArgumentException("A distance must be a finite number not below zero, not " + distance);
		}
		return distance;
	}

}
