package io.djongo.spring.core.query;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.geo.Point;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.geo.GeoJsonPolygon;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexType;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexed;
import org.springframework.data.mongodb.core.index.TextIndexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The geo and text tests' model: a GeoJSON point with a 2dsphere index, a legacy pair, a point with a 2d index, an
 * area, and a text index over two fields.
 */
@Document(collection = "qs_place", language = "english")
public class Place {

	@Id
	public @Nullable Long id;

	public @Nullable String name;

	@GeoSpatialIndexed(type = GeoSpatialIndexType.GEO_2DSPHERE)
	public @Nullable GeoJsonPoint location;

	public double @Nullable [] legacy;

	@GeoSpatialIndexed
	public @Nullable Point flat;

	public @Nullable GeoJsonPolygon area;

	@TextIndexed
	public @Nullable String title;

	@TextIndexed
	public @Nullable String body;

	public @Nullable String notes;

	public @Nullable Integer rating;

	public List<String> tags = new ArrayList<>();

	public Place() {
	}

	public Place(Long id, String name, double x, double y) {
		this.id = id;
		this.name = name;
		this.location = new GeoJsonPoint(x, y);
	}

	public Place(Long id, String title, String body) {
		this.id = id;
		this.title = title;
		this.body = body;
	}

}
