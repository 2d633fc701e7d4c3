package io.djongo.spring.core.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.aggregate.Avg;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.Max;
import io.djongo.spring.core.query.aggregate.Min;
import io.djongo.spring.core.query.aggregate.StdDev;
import io.djongo.spring.core.query.aggregate.Sum;
import io.djongo.spring.core.query.aggregate.Variance;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code aggregate(...)} and {@code annotate(...)} over a document's own fields and lists.
 */
class QuerySetAggregationIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = QuerySetFixtures.articles("aggregation");
	}

	static QuerySet<Article> articles() {
		return template.objects(Article.class);
	}

	@Test
	void aggregateKeysAsDjangoInOneCommand() {
		TestClients.recorder().clear();
		Map<String, Object> stats = articles().aggregate(Count.of("id"), Sum.of("views"), Avg.of("rating"),
				Min.of("rating"), Max.of("publishedDate"));
		assertThat(stats).containsEntry("id__count", 6L)
			.containsEntry("views__sum", 26)
			.containsEntry("rating__avg", 3.0)
			.containsEntry("rating__min", 1)
			.containsEntry("publishedDate__max", java.time.Instant.parse("2025-01-20T17:45:00Z"));
		assertThat(TestClients.recorder().names()).containsExactly("aggregate");
	}

	@Test
	void countSkipsNullsAndAliasesRename() {
		Map<String, Object> stats = articles().aggregate(Count.of("rating"), Count.of("body").as("withBody"));
		assertThat(stats).containsEntry("rating__count", 5L).containsEntry("withBody", 4L);
	}

	@Test
	void onEmptyInputCountIsZeroAndTheOthersAreNull() {
		Map<String, Object> stats = articles().filter("rating", 42)
			.aggregate(Count.of("id"), Sum.of("views"), Avg.of("views"), Min.of("views"), Max.of("views"));
		assertThat(stats).containsEntry("id__count", 0L)
			.containsEntry("views__sum", null)
			.containsEntry("views__avg", null)
			.containsEntry("views__min", null)
			.containsEntry("views__max", null);
		Map<String, Object> nulls = articles().filter("pk", 3).aggregate(Sum.of("rating"), Count.of("rating"));
		assertThat(nulls).containsEntry("rating__sum", null).containsEntry("rating__count", 0L);
	}

	@Test
	void aggregateFollowsFiltersAndSlices() {
		assertThat(articles().filter("publishedDate__year", 2024).aggregate(Sum.of("views")))
			.containsEntry("views__sum", 13);
		assertThat(articles().orderBy("-views").slice(0, 2).aggregate(Sum.of("views")))
			.containsEntry("views__sum", 17);
	}

	@Test
	void distinctAggregates() {
		DjongoTemplate dup = io.djongo.spring.test.DjongoTestConfiguration
			.template(io.djongo.spring.test.TestMongo.uniqueDatabaseName("aggdistinct"));
		dup.insertAll(List.of(new Article(1, "a").rating(2).tags("x", "y"), new Article(2, "b").rating(2).tags("y"),
				new Article(3, "c").rating(4)));
		assertThat(dup.objects(Article.class).aggregate(Count.of("rating").distinct(), Sum.of("rating").distinct(),
				Count.of("tags"), Count.of("tags").distinct().as("distinctTags")))
			.containsEntry("rating__count", 2L)
			.containsEntry("rating__sum", 6)
			.containsEntry("tags__count", 3L)
			.containsEntry("distinctTags", 2L);
	}

	@Test
	void aggregatesOverListsOfEmbeddedDocuments() {
		Map<String, Object> stats = articles().aggregate(Count.of("blogs__name"), Avg.of("blogs__rating"),
				Max.of("blogs__rating"), Sum.of("blogs__rating"));
		assertThat(stats).containsEntry("blogs__name__count", 3L)
			.containsEntry("blogs__rating__avg", 7.0 / 3)
			.containsEntry("blogs__rating__max", 4)
			.containsEntry("blogs__rating__sum", 7);
	}

	@Test
	void decimalsAggregateWithoutLoss() {
		assertThat(articles().aggregate(Sum.of("price"))).containsEntry("price__sum", new BigDecimal("24.99"));
	}

	@Test
	void annotateCountsListsPerDocumentAndSetsTheTransientField() {
		List<Article> annotated = articles().annotate("numTags", Count.of("tags")).orderBy("-numTags", "id").list();
		assertThat(annotated).extracting((a) -> a.id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(annotated).extracting((a) -> a.numTags).containsExactly(2, 2, 0, 0, 0, 0);
	}

	@Test
	void annotationsCanBeFilteredOrderedAndReadAsValues() {
		QuerySet<Article> qs = articles().annotate("numBlogs", Count.of("blogs"))
			.filter("numBlogs__gte", 1)
			.orderBy("numBlogs");
		assertThat(qs.list()).extracting((a) -> a.id).containsExactly(2L, 1L);
		assertThat(qs.values("title", "numBlogs").list()).containsExactly(
				Map.of("title", "Spring data", "numBlogs", 1), Map.of("title", "Django on MongoDB", "numBlogs", 2));
		assertThat(qs.count()).isEqualTo(2);
		assertThat(articles().annotate("total", F.of("views").plus(F.of("rating"))).filter("pk", 1).get().total)
			.isEqualTo(13L);
		assertThat(articles().annotate("total", F.of("views").plus(F.of("rating"))).filter("pk", 3).get().total)
			.isNull();
	}

	@Test
	void annotationsFeedAggregates() {
		assertThat(articles().annotate("numTags", Count.of("tags")).aggregate(Sum.of("numTags")))
			.containsEntry("numTags__sum", 4);
	}

	@Test
	void standardDeviationsAndVariancesOnMongoDb() {
		TestMongo.assumeRealMongoDb("$stdDevPop and $stdDevSamp");
		// views 10, 3, 0, 7, 4, 2: mean 13/3, squared deviations 196/3 in all
		Map<String, Object> stats = articles().aggregate(StdDev.of("views"), StdDev.of("views").sample().as("sample"),
				Variance.of("views"), Variance.of("views").sample().as("sampleVariance"));
		assertThat((Double) stats.get("views__stddev")).isCloseTo(Math.sqrt(196.0 / 18), within(1e-9));
		assertThat((Double) stats.get("sample")).isCloseTo(Math.sqrt(196.0 / 15), within(1e-9));
		assertThat((Double) stats.get("views__variance")).isCloseTo(196.0 / 18, within(1e-9));
		assertThat((Double) stats.get("sampleVariance")).isCloseTo(196.0 / 15, within(1e-9));
		assertThat(articles().filter("pk", 1).aggregate(StdDev.of("views").sample().as("one"), StdDev.of("views")))
			.containsEntry("one", null).containsEntry("views__stddev", 0.0);
		assertThat(articles().annotate("spread", StdDev.of("blogs__rating")).filter("pk", 1)
			.valuesList("spread", Double.class).get()).isEqualTo(1.0);
	}

	@Test
	void standardDeviationsFailClearlyOnTheEmbeddedServer() {
		org.junit.jupiter.api.Assumptions.assumeTrue(TestMongo.isEmbedded(), "the embedded server lacks $stdDevPop");
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> articles().aggregate(StdDev.of("views")))
			.withMessage("Article: needs a real MongoDB: $stdDevPop is not supported by this server (the embedded "
					+ "mongo-java-server lacks it; MongoDB has it since 3.2)");
	}

	@Test
	void aggregatesOfExpressionsAndExpressionsOfAggregates() {
		assertThat(articles().aggregate(Sum.of(F.of("views").times(2)).as("double"),
				Sum.of("views").div(Count.of("id")).as("perArticle"), Count.of("rating").distinct().plus(1).as("plusOne")))
			.containsEntry("double", 52).containsEntry("perArticle", 4).containsEntry("plusOne", 6);
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().aggregate(Sum.of(F.of("views").times(2))))
			.withMessageContaining("Complex aggregates require an alias");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().aggregate(Sum.of("views").plus(F.of("rating")).as("x")))
			.withMessageContaining("F(rating) is not an aggregate");
	}

	@Test
	void annotationNamesMustNotClashWithFields() {
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> articles().annotate("title", Count.of("tags")))
			.withMessage("The annotation 'title' conflicts with a field on the model Article.");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().aggregate(Count.of("tags"), Count.of("tags")))
			.withMessageContaining("share the key 'tags__count'");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().aggregate(Sum.of("nope")))
			.withMessageContaining("'nope'");
	}

}
