package io.djongo.spring.core.query.internal;

import java.util.Arrays;
import java.util.List;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.geojson.Polygon;
import com.mongodb.client.model.geojson.Position;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Exists;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.OuterRef;
import io.djongo.spring.core.query.Place;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.aggregate.Avg;
import io.djongo.spring.core.query.functions.GeoDistance;
import io.djongo.spring.core.query.geo.D;
import io.djongo.spring.core.query.geo.Near;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.data.geo.Box;
import org.springframework.data.geo.Circle;
import org.springframework.data.geo.Distance;
import org.springframework.data.geo.Metrics;
import org.springframework.data.geo.Point;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.geo.GeoJsonPolygon;
import org.springframework.data.mongodb.core.geo.Sphere;

import static io.djongo.spring.core.query.internal.OfflineEngine.bson;
import static io.djongo.spring.core.query.internal.OfflineEngine.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The commands the geo lookups and {@code GeoDistance} compile to, without a server (the embedded server has no geo
 * operator), compared with what the driver's {@link Filters} and {@link Aggregates} builders make: MongoDB's
 * documented shapes, distances in meters for {@code $geoNear} and in radians for {@code $centerSphere}.
 */
class GeoQueryUnitTests {

	static final Point PARIS = new GeoJsonPoint(2.3522, 48.8566);

	/** MongoDB's Earth radius (its kRadiusOfEarthInMeters): what its $geoNear meters and $centerSphere radians share. */
	static final double MONGODB_EARTH_RADIUS_METERS = 6378.1 * 1000;

	/** Five kilometers as an angle at the Earth's center, on MongoDB's sphere. */
	static final double FIVE_KM = 5000 / MONGODB_EARTH_RADIUS_METERS;

	final QueryEngine engine = OfflineEngine.create();

	QuerySet<Place> places() {
		return this.engine.objects(Place.class);
	}

	static BsonDocument filterOf(QuerySet<?> qs) {
		return FilterCompilerUnitTests.filterOf(qs);
	}

	static List<BsonDocument> pipelineOf(QuerySet<?> qs) {
		return QueryPlanUnitTests.pipelineOf(qs);
	}

	/** The driver's {@code $geoNear} from Paris on location, keeping the stage's distance. */
	static Bson geoNear(com.mongodb.client.model.geojson.Point near, com.mongodb.client.model.GeoNearOptions options) {
		return Aggregates.geoNear(near, GeoNear.DISTANCE, options.key("location").spherical());
	}

	static com.mongodb.client.model.geojson.Point paris() {
		return new com.mongodb.client.model.geojson.Point(new Position(2.3522, 48.8566));
	}

	@Test
	void distancesHaveTheirUnit() {
		assertThat(D.toMeters(D.km(5))).isCloseTo(5000, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(D.toMeters(D.mi(1))).isCloseTo(1609.34, org.assertj.core.data.Offset.offset(0.01));
		assertThat(D.toMeters(D.m(250))).isCloseTo(250, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(D.toRadians(D.km(5))).isEqualTo(FIVE_KM);
		assertThat(D.toRadians(D.mi(3)) * MONGODB_EARTH_RADIUS_METERS)
			.as("a radius in radians is the meters $geoNear measures, so that distance_lte agrees with near and"
					+ " GeoDistance")
			.isCloseTo(D.toMeters(D.mi(3)), org.assertj.core.data.Offset.offset(1e-9));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> D.toMeters(new Distance(5, Metrics.NEUTRAL)))
			.withMessageContaining("needs a unit (D.m, D.km or D.mi)");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> D.toMeters(D.km(-1)))
			.withMessageContaining("not below zero");
	}

	@Test
	void withinRendersEachShapeAsMongoDbDocumentsIt() {
		GeoJsonPolygon polygon = new GeoJsonPolygon(new Point(0, 0), new Point(3, 0), new Point(3, 3), new Point(0, 0));
		assertThat(filterOf(places().filter("location__within", polygon))).isEqualTo(bson(Filters.geoWithin("location",
				new Polygon(List.of(new Position(0, 0), new Position(3, 0), new Position(3, 3), new Position(0, 0))))));
		assertThat(filterOf(places().filter("location__within",
				new org.springframework.data.geo.Polygon(new Point(0, 0), new Point(3, 0), new Point(3, 3)))))
			.isEqualTo(bson(Filters.geoWithinPolygon("location",
					List.of(List.of(0.0, 0.0), List.of(3.0, 0.0), List.of(3.0, 3.0)))));
		assertThat(filterOf(places().filter("location__within", new Box(new Point(0, 0), new Point(3, 3)))))
			.isEqualTo(bson(Filters.geoWithinBox("location", 0, 0, 3, 3)));
		assertThat(filterOf(places().filter("location__within", new Sphere(PARIS, D.km(5)))))
			.as("radians on the sphere")
			.isEqualTo(bson(Filters.geoWithinCenterSphere("location", 2.3522, 48.8566, FIVE_KM)));
		assertThat(filterOf(places().filter("location__within", new Circle(PARIS, D.km(5)))))
			.as("a circle with a unit is on the sphere")
			.isEqualTo(bson(Filters.geoWithinCenterSphere("location", 2.3522, 48.8566, FIVE_KM)));
		assertThat(filterOf(places().filter("flat__within", new Circle(new Point(1, 1), 2))))
			.as("a circle in coordinate units is MongoDB's flat $center")
			.isEqualTo(bson(Filters.geoWithinCenter("flat", 1, 1, 2)));
		assertThat(filterOf(places().filter("legacy__within", new Box(new Point(0, 0), new Point(3, 3)))))
			.as("legacy pairs too")
			.isEqualTo(bson(Filters.geoWithinBox("legacy", 0, 0, 3, 3)));
	}

	@Test
	void intersectsTakesAGeoJsonGeometry() {
		assertThat(filterOf(places().filter("area__intersects", PARIS)))
			.isEqualTo(bson(Filters.geoIntersects("area", paris())));
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter("area__intersects", new Point(1, 2)))
			.withMessageContaining("Place.area__intersects: the intersects lookup needs a GeoJSON geometry");
	}

	@Test
	void distanceLookupsAreCirclesOnTheSphereInRadians() {
		Bson within = Filters.geoWithinCenterSphere("location", 2.3522, 48.8566, FIVE_KM);
		assertThat(filterOf(places().filter("location__distance_lte", List.of(PARIS, D.km(5))))).isEqualTo(bson(within));
		assertThat(filterOf(places().filter("location__distance_lt", new Object[] { PARIS, D.m(5000) })))
			.isEqualTo(bson(within));
		Bson farther = Filters.and(Filters.ne("location", null), Filters.nor(within));
		assertThat(filterOf(places().filter("location__distance_gt", List.of(PARIS, D.km(5))))).isEqualTo(bson(farther));
		assertThat(filterOf(places().filter("location__distance_gte", List.of(PARIS, D.km(5)))))
			.isEqualTo(bson(farther));
		assertThat(places().filter("location__distance_lt", List.of(PARIS, D.km(0))).command())
			.as("nothing is closer than no distance: known empty, nothing sent")
			.isNull();
		assertThat(filterOf(places().filter("location__distance_gte", List.of(PARIS, D.km(0)))))
			.isEqualTo(bson(Filters.ne("location", null)));
		assertThat(filterOf(places().exclude("location__distance_lte", List.of(PARIS, D.km(5)))))
			.as("exclude keeps the documents without a point, as Django")
			.isEqualTo(bson(Filters.nor(within)));
	}

	@Test
	void distanceLookupsRefuseBadValuesClearly() {
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter("location__distance_lte", List.of(PARIS, 5)))
			.withMessageContaining("Place.location__distance_lte: the distance_lte lookup needs a point and a distance,"
					+ " List.of(point, D.km(5))");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter("location__distance_lte", List.of(PARIS, new Distance(5))))
			.withMessageContaining("needs a unit");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter("location__within", "POLYGON((0 0, 1 1))"))
			.withMessageContaining("the within lookup needs a GeoJsonPolygon or GeoJsonMultiPolygon, a Polygon, a Box");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> places().filter("name__within", PARIS))
			.withMessageContaining("Unsupported lookup 'within' for String field in 'Place.name__within'");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter(Q.of("rating", 1).and(Q.of("location__within", new Box(PARIS, PARIS))))
				.annotate("n", io.djongo.spring.core.query.Case.of(io.djongo.spring.core.query.When.of(
						Q.of("location__within", new Box(PARIS, PARIS)), 1)).otherwise(0)))
			.withMessageContaining("works in filter() and exclude() only, not in When");
	}

	@Test
	void nearIsAGeoNearStageFirstWithTheFilterAsItsQueryAndOrdersByDistance() {
		QuerySet<Place> near = places().filter("rating__gte", 3)
			.filter("location__near", Near.to(PARIS).maxDistance(D.km(5)).minDistance(D.m(10)));
		assertThat(pipelineOf(near)).containsExactly(
				bson(geoNear(paris(), com.mongodb.client.model.GeoNearOptions.geoNearOptions()
					.minDistance(10.0).maxDistance(5000.0).query(new Document("rating", new Document("$gte", 3))))),
				bson(Aggregates.sort(Sorts.ascending(GeoNear.DISTANCE))));
		assertThat(pipelineOf(places().filter("location__near", PARIS))).as("a plain point: no bounds, no query")
			.containsExactly(bson(geoNear(paris(), com.mongodb.client.model.GeoNearOptions.geoNearOptions())),
					bson(Aggregates.sort(Sorts.ascending(GeoNear.DISTANCE))));
		assertThat(pipelineOf(places().filter("legacy__near", PARIS))).first().as("a legacy pair, by its key")
			.isEqualTo(bson(Aggregates.geoNear(paris(), GeoNear.DISTANCE,
					com.mongodb.client.model.GeoNearOptions.geoNearOptions().key("legacy").spherical())));
		assertThat(pipelineOf(near.orderBy("-name")).get(1)).as("an explicit order wins")
			.isEqualTo(bson(Aggregates.sort(Sorts.descending("name"))));
	}

	@Test
	void countExistsAndAggregateKeepTheGeoNearStageWhereMongoDbRefusesNear() {
		QuerySet<Place> near = places().filter("location__near", Near.to(PARIS).maxDistance(D.km(5)));
		Bson stage = geoNear(paris(), com.mongodb.client.model.GeoNearOptions.geoNearOptions().maxDistance(5000.0));
		assertThat(bson(plan(near).countCommand().pipeline())).first().isEqualTo(bson(stage));
		assertThat(bson(((Command.Pipeline) plan(near).existsCommand()).pipeline())).first().isEqualTo(bson(stage));
		Document aggregate = this.engine.compiler().aggregate(plan(near), List.of(Avg.of("rating"))).command().document();
		assertThat(bson(aggregate.getList("pipeline", Bson.class))).first().isEqualTo(bson(stage));
		assertThat(plan(near).isOrdered()).isTrue();
	}

	@Test
	void geoDistanceIsTheGeoNearStagesDistanceInItsUnit() {
		QuerySet<Place> qs = places().annotate("km", GeoDistance.of("location", PARIS, Metrics.KILOMETERS))
			.filter("km__lt", 10)
			.orderBy("km");
		assertThat(pipelineOf(qs)).containsExactly(
				bson(geoNear(paris(), com.mongodb.client.model.GeoNearOptions.geoNearOptions())),
				bson(new Document("$addFields", new Document("km",
						new Document("$divide", Arrays.asList("$" + GeoNear.DISTANCE, 1000.0))))),
				bson(Aggregates.match(Filters.lt("km", 10.0))), bson(Aggregates.sort(Sorts.ascending("km"))));
		assertThat(pipelineOf(places().annotate("m", GeoDistance.of("location", PARIS)).filter("location__near",
				Near.to(PARIS).maxDistance(D.km(5)))))
			.as("a near lookup and a GeoDistance from the same point share the one stage")
			.startsWith(bson(geoNear(paris(), com.mongodb.client.model.GeoNearOptions.geoNearOptions().maxDistance(5000.0))),
					bson(new Document("$addFields", new Document("m", "$" + GeoNear.DISTANCE))));
	}

	@Test
	void whatMongoDbsOneGeoNearStageCannotDoFailsClearly() {
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().exclude("location__near", PARIS))
			.withMessageContaining("Place.location__near: the near lookup cannot be negated, excluded or combined with OR");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter(Q.of("location__near", PARIS).or(Q.of("rating", 1))))
			.withMessageContaining("cannot be negated, excluded or combined with OR");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter(Q.of("location__near", PARIS).not()))
			.withMessageContaining("cannot be negated, excluded or combined with OR");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter("location__near", PARIS).annotate("d",
					GeoDistance.of("location", new Point(0, 0))))
			.withMessageContaining("a QuerySet measures distances from one point on one field");
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> places().filter("flat__near", PARIS))
			.withMessageContaining("Place.flat__near: distances on the sphere need a 2dsphere index, but Place.flat declares"
					+ " a GEO_2D one: use @GeoSpatialIndexed(type = GeoSpatialIndexType.GEO_2DSPHERE)");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().orderBy(GeoDistance.of("location", PARIS).asc()))
			.withMessageContaining("GeoDistance works in annotate() and alias() only");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().annotate("d", GeoDistance.of("name", PARIS)))
			.withMessageContaining("GeoDistance measures from a point field of the model itself");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter("location__near", "2.35,48.85"))
			.withMessageContaining("the near lookup needs a Point (a GeoJsonPoint) or Near.to(point)");
		QuerySet<Place> near = places().filter("location__near", PARIS);
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> places().filter(Exists.of(near.filter("id", OuterRef.of("id")))))
			.withMessageContaining("cannot be used in a subquery: MongoDB allows $geoNear only in the first stage");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> near.union(places()))
			.withMessageContaining("cannot be used in union()");
	}

	@Test
	void aRefusalForWantOfAGeoIndexNamesTheAnnotation() {
		QuerySet<Place> near = places().filter("location__near", PARIS);
		Command.Read command = plan(near).listing().command();
		RuntimeException refused = new MongoCommandException(BsonDocument.parse("{ok: 0, code: 2, codeName: "
				+ "'BadValue', errmsg: 'error processing query: planner returned error :: caused by :: unable to find "
				+ "index for $geoNear query'}"), new ServerAddress());
		assertThat(ServerErrors.translate(refused, "Place", command))
			.isInstanceOf(InvalidDataAccessResourceUsageException.class)
			.hasMessageContaining("Place: near and GeoDistance need a 2dsphere index on 'location': add "
					+ "@GeoSpatialIndexed(type = GeoSpatialIndexType.GEO_2DSPHERE) to the field");
		RuntimeException embedded = new MongoCommandException(BsonDocument.parse("{ok: 0, code: -1, errmsg: "
				+ "'$geoNear is not yet implemented. See https://github.com/bwaldvogel/mongo-java-server/issues/138'}"),
				new ServerAddress());
		assertThat(ServerErrors.translate(embedded, "Place", command))
			.hasMessageStartingWith("Place: needs a real MongoDB: $geoNear is not supported by this server");
	}

}
