package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.geo.D;
import io.djongo.spring.core.query.geo.Near;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.geo.Box;
import org.springframework.data.geo.Circle;
import org.springframework.data.geo.Distance;
import org.springframework.data.geo.Metrics;
import org.springframework.data.geo.Point;
import org.springframework.data.geo.Polygon;
import org.springframework.data.mongodb.core.geo.GeoJson;
import org.springframework.data.mongodb.core.geo.GeoJsonMultiPolygon;
import org.springframework.data.mongodb.core.geo.GeoJsonPolygon;
import org.springframework.data.mongodb.core.geo.Sphere;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexType;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexed;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * The values of the geo lookups in MongoDB's documented shapes: GeoJSON geometries (rendered by the converter that
 * writes documents) under {@code $geometry}, legacy shapes under {@code $box}, {@code $polygon}, {@code $center}, and
 * circles on the sphere under {@code $centerSphere} with their radius in radians. Points are longitude first.
 */
final class GeoValues {

	/** What the error messages list as accepted by {@code __within}. */
	private static final String SHAPES = "a GeoJsonPolygon or GeoJsonMultiPolygon, a Polygon, a Box, a Sphere or a Circle";

	private GeoValues() {
	}

	/** Whether values of a type can be points or shapes: the geo lookups apply to them only. */
	static boolean isGeo(Class<?> type) {
		return Point.class.isAssignableFrom(type) || GeoJson.class.isAssignableFrom(type) || type == double[].class
				|| type == Double[].class || type == Object.class;
	}

	/** A point as GeoJSON: {@code {type: "Point", coordinates: [x, y]}}. */
	static Document geoJson(Point point) {
		return new Document("type", "Point").append("coordinates", coordinates(point));
	}

	private static List<Double> coordinates(Point point) {
		return Arrays.asList(point.getX(), point.getY());
	}

	/** The value of {@code __near}: a point, or a {@link Near} with its bounds. */
	static Near near(Object value, Target target) {
		if (value instanceof Near near) {
			return near;
		}
		if (value instanceof Point point) {
			return Near.to(point);
		}
		throw new InvalidLookupException(target.description() + ": the near lookup needs a Point (a GeoJsonPoint) or "
				+ "Near.to(point).maxDistance(D.km(5)), not " + Shown.value(value));
	}

	/**
	 * The operand of {@code $geoWithin} (within) or {@code $geoIntersects} (intersects), or the circle of a
	 * distance lookup as {@code $centerSphere}.
	 */
	static Document value(Lookup lookup, Object value, Target target, ValueCoercion coercion) {
		return switch (lookup) {
			case WITHIN -> within(value, target, coercion);
			case INTERSECTS -> {
				if (!(value instanceof GeoJson<?>)) {
					throw new InvalidLookupException(target.description() + ": the intersects lookup needs a GeoJSON "
							+ "geometry (GeoJsonPolygon, GeoJsonLineString, GeoJsonPoint...), not " + Shown.value(value));
				}
				yield new Document("$geometry", geometry(value, coercion));
			}
			case DISTANCE_LT, DISTANCE_LTE, DISTANCE_GT, DISTANCE_GTE -> distance(lookup, value, target);
			default -> throw new IllegalStateException(lookup + " takes no geo value");
		};
	}

	private static Document within(Object value, Target target, ValueCoercion coercion) {
		if (value instanceof GeoJsonPolygon || value instanceof GeoJsonMultiPolygon) {
			return new Document("$geometry", geometry(value, coercion));
		}
		if (value instanceof Polygon polygon) {
			List<Object> points = new ArrayList<>();
			polygon.getPoints().forEach((point) -> points.add(coordinates(point)));
			return new Document("$polygon", points);
		}
		if (value instanceof Box box) {
			return new Document("$box", List.of(coordinates(box.getFirst()), coordinates(box.getSecond())));
		}
		if (value instanceof Sphere sphere) {
			return centerSphere(sphere.getCenter(), radians(sphere.getRadius(), target));
		}
		if (value instanceof Circle circle) {
			if (circle.getRadius().getMetric() == Metrics.NEUTRAL) {
				// a circle in coordinate units on a flat plane: MongoDB's legacy $center
				return new Document("$center", List.of(coordinates(circle.getCenter()), circle.getRadius().getValue()));
			}
			return centerSphere(circle.getCenter(), radians(circle.getRadius(), target));
		}
		throw new InvalidLookupException(target.description() + ": the within lookup needs " + SHAPES + ", not "
				+ Shown.value(value));
	}

	/** {@code (point, distance)}: the circle of that radius on the sphere around the point. */
	private static Document distance(Lookup lookup, Object value, Target target) {
		List<?> pair = (value instanceof List<?> || value instanceof Object[]) ? LookupValues.elements(value, target,
				lookup) : List.of();
		if (pair.size() != 2 || !(pair.get(0) instanceof Point point) || !(pair.get(1) instanceof Distance distance)) {
			throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName()
					+ " lookup needs a point and a distance, List.of(point, D.km(5)), not " + Shown.value(value));
		}
		return centerSphere(point, radians(distance, target));
	}

	private static Document centerSphere(Point center, double radians) {
		return new Document("$centerSphere", List.of(coordinates(center), radians));
	}

	private static double radians(Distance distance, Target target) {
		try {
			return D.toRadians(distance);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLookupException(target.description() + ": " + ex.getMessage(), ex);
		}
	}

	static double meters(Distance distance, Target target) {
		try {
			return D.toMeters(distance);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLookupException(target.description() + ": " + ex.getMessage(), ex);
		}
	}

	private static Object geometry(Object value, ValueCoercion coercion) {
		Object geometry = coercion.toBson(value, value.getClass());
		if (geometry == null) {
			throw new IllegalStateException("no GeoJSON form for " + value);
		}
		return geometry;
	}

	/**
	 * Fails when the field declares a geo index that is not 2dsphere: {@code $geoNear} from a GeoJSON point needs
	 * one (a 2d index measures on a flat plane). A field declaring none is left to the server, whose refusal names
	 * the annotation to add ({@link ServerErrors}).
	 */
	static void requireSphereIndex(ModelMetadata model, String storedPath, String description) {
		for (MongoPersistentProperty property : model.entity()) {
			GeoSpatialIndexed indexed = property.findAnnotation(GeoSpatialIndexed.class);
			if (!property.getFieldName().equals(storedPath) || indexed == null
					|| indexed.type() == GeoSpatialIndexType.GEO_2DSPHERE) {
				continue;
			}
			throw new FieldError(description + ": distances on the sphere need a 2dsphere index, but " + model.name()
					+ "." + property.getName() + " declares a " + indexed.type() + " one: use @GeoSpatialIndexed(type = "
					+ "GeoSpatialIndexType.GEO_2DSPHERE)");
		}
	}

}
