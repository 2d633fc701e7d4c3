package io.djongo.spring.core.query;

import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.functions.GeoDistance;
import io.djongo.spring.core.query.geo.D;
import io.djongo.spring.core.query.geo.Near;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.data.geo.Box;
import org.springframework.data.geo.Metrics;
import org.springframework.data.geo.Point;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.geo.GeoJsonPolygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The geo lookups and {@code GeoDistance} against the server: on a real MongoDB, the answers (the commands are
 * checked offline in {@code GeoQueryUnitTests}); on the embedded server, which has no geo operator, the clear
 * "needs a real MongoDB" error instead of a driver error or a wrong answer.
 */
class QuerySetGeoIntegrationTests {

	static final Point PARIS = new GeoJsonPoint(2.3522, 48.8566);

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("geo"), Place.class);
		template.schema().indexes(IndexMode.CREATE);
		Place louvre = new Place(1L, "Louvre", 2.3376, 48.8606);
		louvre.rating = 5;
		Place versailles = new Place(2L, "Versailles", 2.1204, 48.8049);
		versailles.rating = 4;
		Place lyon = new Place(3L, "Lyon", 4.8357, 45.7640);
		lyon.rating = 3;
		Place nowhere = new Place();
		nowhere.id = 4L;
		nowhere.name = "Nowhere";
		template.insertAll(List.of(louvre, versailles, lyon, nowhere));
	}

	static QuerySet<Place> places() {
		return template.objects(Place.class);
	}

	static List<String> names(QuerySet<Place> qs) {
		return qs.list().stream().map((place) -> place.name).toList();
	}

	@Test
	void nearOrdersByDistanceWithinItsBoundsAndCounts() {
		TestMongo.assumeRealMongoDb("$geoNear");
		assertThat(names(places().filter("location__near", PARIS))).containsExactly("Louvre", "Versailles", "Lyon");
		QuerySet<Place> close = places().filter("location__near", Near.to(PARIS).maxDistance(D.km(30)));
		assertThat(names(close)).containsExactly("Louvre", "Versailles");
		assertThat(close.count()).as("count, which MongoDB refuses with $near").isEqualTo(2);
		assertThat(close.exists()).isTrue();
		assertThat(names(places().filter("location__near", Near.to(PARIS).minDistance(D.km(5)))))
			.containsExactly("Versailles", "Lyon");
		assertThat(names(close.filter("rating__gte", 5))).containsExactly("Louvre");
		assertThat(names(close.orderBy("-name"))).containsExactly("Versailles", "Louvre");
		assertThat(((Number) close.aggregate(Count.of("id")).get("id__count")).longValue()).isEqualTo(2L);
	}

	@Test
	void geoDistanceAnnotatesTheDistanceInItsUnit() {
		TestMongo.assumeRealMongoDb("$geoNear");
		QuerySet<Place> qs = places().annotate("km", GeoDistance.of("location", PARIS, Metrics.KILOMETERS))
			.filter("km__lt", 100)
			.orderBy("-km");
		List<Double> km = qs.valuesList("km", Double.class).list();
		assertThat(km).hasSize(2);
		assertThat(km.get(0)).isCloseTo(17.9, within(0.5));
		assertThat(km.get(1)).isCloseTo(1.1, within(0.2));
	}

	@Test
	void withinIntersectsAndDistancesSelectByShape() {
		TestMongo.assumeRealMongoDb("$geoWithin");
		GeoJsonPolygon ileDeFrance = new GeoJsonPolygon(new Point(1.5, 48.1), new Point(3.5, 48.1),
				new Point(3.5, 49.2), new Point(1.5, 49.2), new Point(1.5, 48.1));
		assertThat(names(places().filter("location__within", ileDeFrance).orderBy("id")))
			.containsExactly("Louvre", "Versailles");
		assertThat(names(places().filter("location__within", new Box(new Point(4, 45), new Point(5, 46)))))
			.containsExactly("Lyon");
		assertThat(names(places().filter("location__distance_lte", List.of(PARIS, D.km(5))))).containsExactly("Louvre");
		assertThat(names(places().filter("location__distance_gt", List.of(PARIS, D.km(5))).orderBy("id")))
			.as("a place without a point is neither near nor far")
			.containsExactly("Versailles", "Lyon");
		assertThat(names(places().exclude("location__distance_lte", List.of(PARIS, D.km(5))).orderBy("id")))
			.as("exclude keeps it, as Django")
			.containsExactly("Versailles", "Lyon", "Nowhere");
		assertThat(places().filter("location__distance_lte", List.of(PARIS, D.km(50))).count()).isEqualTo(2);
	}

	@Test
	void aMissingGeoIndexNamesTheAnnotationToAdd() {
		TestMongo.assumeRealMongoDb("$geoNear");
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> places().filter("legacy__near", PARIS).list())
			.withMessageContaining("add @GeoSpatialIndexed(type = GeoSpatialIndexType.GEO_2DSPHERE)");
	}

	@Test
	void theEmbeddedServerAnswersThatItNeedsARealMongoDb() {
		org.junit.jupiter.api.Assumptions.assumeTrue(TestMongo.isEmbedded(), "the embedded server's answer");
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> places().filter("location__near", PARIS).list())
			.withMessageStartingWith("Place: needs a real MongoDB: $geoNear is not supported by this server");
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> places().filter("location__distance_lte", List.of(PARIS, D.km(5))).count())
			.withMessageStartingWith("Place: needs a real MongoDB: $geoWithin is not supported by this server");
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> places().filter("area__intersects", PARIS).list())
			.withMessageStartingWith("Place: needs a real MongoDB: $geoIntersects is not supported by this server");
	}

}
