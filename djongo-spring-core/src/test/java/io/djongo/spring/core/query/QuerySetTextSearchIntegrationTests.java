package io.djongo.spring.core.query;

import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.functions.TextScore;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Text search against the server: on a real MongoDB, the answers of {@code $text} on the model's text index (the
 * commands are checked offline in {@code TextSearchUnitTests}); on the embedded server, which has no {@code $text},
 * the clear "needs a real MongoDB" error.
 */
class QuerySetTextSearchIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("text"), Place.class);
		template.schema().indexes(IndexMode.CREATE);
		template.insertAll(List.of(new Place(1L, "Spring Data MongoDB", "Spring Data makes MongoDB easy for Java"),
				new Place(2L, "Django on MongoDB", "djongo maps Django models to MongoDB collections"),
				new Place(3L, "Cooking", "A recipe for spring rolls")));
	}

	static QuerySet<Place> places() {
		return template.objects(Place.class);
	}

	static List<Long> ids(QuerySet<Place> qs) {
		return qs.list().stream().map((place) -> place.id).toList();
	}

	@Test
	void searchesTheTextIndexByStemWithPhrasesAndNegation() {
		TestMongo.assumeRealMongoDb("$text");
		assertThat(ids(places().filter("body__search", "mongodb").orderBy("id"))).containsExactly(1L, 2L);
		assertThat(ids(places().search("springs").orderBy("id"))).as("English stems, over title and body")
			.containsExactly(1L, 3L);
		assertThat(ids(places().search("\"spring rolls\""))).containsExactly(3L);
		assertThat(ids(places().search("spring -java"))).containsExactly(3L);
		assertThat(places().search("mongodb").filter("pk__gt", 1).count()).isEqualTo(1);
		assertThat(places().search("x\"}, $where: \"sleep(100)\"").exists()).as("a literal string, found nowhere")
			.isFalse();
	}

	@Test
	void theScoreRanksTheResults() {
		TestMongo.assumeRealMongoDb("$text");
		QuerySet<Place> ranked = places().search("spring data").annotate("score", TextScore.of()).orderBy("-score");
		assertThat(ids(ranked)).containsExactly(1L, 3L);
		List<Double> scores = ranked.valuesList("score", Double.class).list();
		assertThat(scores.get(0)).isGreaterThan(scores.get(1)).isPositive();
	}

	@Test
	void theEmbeddedServerAnswersThatItNeedsARealMongoDb() {
		Assumptions.assumeTrue(TestMongo.isEmbedded(), "the embedded server's answer");
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> places().search("mongodb").list())
			.withMessageStartingWith("Place: needs a real MongoDB: $text is not supported by this server");
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> places().filter("body__search", "mongodb").count())
			.withMessageStartingWith("Place: needs a real MongoDB: $text is not supported by this server");
	}

}
