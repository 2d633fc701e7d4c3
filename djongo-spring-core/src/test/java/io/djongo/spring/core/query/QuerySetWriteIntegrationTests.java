package io.djongo.spring.core.query;

import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.functions.Lower;
import io.djongo.spring.core.query.functions.Substr;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code update(...)} and {@code delete()}: one command each, Django's counts.
 */
class QuerySetWriteIntegrationTests {

	DjongoTemplate template;

	@BeforeEach
	void data() {
		this.template = QuerySetFixtures.articles("writes");
		TestClients.recorder().clear();
	}

	QuerySet<Article> articles() {
		return this.template.objects(Article.class);
	}

	@Test
	void updateReturnsMatchedNotModifiedCount() {
		assertThat(articles().filter("rating__gte", 4).update("rating", 5)).isEqualTo(2);
		assertThat(TestClients.recorder().names()).containsExactly("update");
		assertThat(articles().filter("rating", 5).count()).isEqualTo(2);
	}

	@Test
	void updateConvertsValuesAndSetsNull() {
		articles().filter("pk", 1).update(Map.of("status", "DRAFT", "publishedDate", "2020-01-01T00:00:00Z"));
		Article updated = articles().get("pk", 1);
		assertThat(updated.status).isEqualTo(Article.Status.DRAFT);
		assertThat(updated.publishedDate).isEqualTo(java.time.Instant.parse("2020-01-01T00:00:00Z"));
		articles().filter("pk", 1).update("rating", null);
		assertThat(articles().get("pk", 1).rating).isNull();
		articles().filter("pk", 1).update("blog", new Blog("New", 1));
		assertThat(articles().get("pk", 1).blog.name).isEqualTo("New");
	}

	@Test
	void fIncrementsANonNullableFieldWithInc() {
		assertThat(articles().filter("views__gt", F.of("rating")).update("views", F.of("views").plus(1))).isEqualTo(2);
		assertThat(TestClients.recorder().commands().get(0).toJson()).contains("$inc");
		assertThat(articles().orderBy("id").valuesList("views", Integer.class).list()).containsExactly(11, 3, 0, 8, 4, 2);
		articles().update("views", F.of("views").times(2));
		assertThat(articles().orderBy("id").valuesList("views", Integer.class).list()).containsExactly(22, 6, 0, 16, 8, 4);
		articles().filter("pk", 1).update("views", F.of("views").minus(2));
		assertThat(articles().get("pk", 1).views).isEqualTo(20);
	}

	@Test
	void fOnANullableFieldIsAPipelineUpdateWithNullInNullOut() {
		TestMongo.assumeRealMongoDb("pipeline updates (update with an aggregation pipeline)");
		articles().update("rating", F.of("rating").plus(F.of("views")));
		assertThat(articles().orderBy("id").valuesList("rating", Integer.class).list())
			.containsExactly(13, 8, null, 8, 8, 4);
	}

	@Test
	void updatesTakeFunctionsAndCasesOnMongoDb() {
		TestMongo.assumeRealMongoDb("pipeline updates (update with an aggregation pipeline)");
		// Django's test_substr: "If alias is null, set to first 5 lower characters of the name."
		articles().filter("body__isnull", true).update("body", Lower.of(Substr.of("title", 1, 5)));
		assertThat(articles().filter("pk__in", List.of(5, 6)).orderBy("id").valuesList("body", String.class).list())
			.containsExactly("$wher", "early");
		articles().update("status", Case.of(When.of("rating__gte", 4, Value.of("PUBLISHED"))).otherwise("status"));
		assertThat(articles().filter("status", Article.Status.PUBLISHED).count()).isEqualTo(3);
	}

	@Test
	void expressionUpdatesFailClearlyOnTheEmbeddedServer() {
		Assumptions.assumeTrue(TestMongo.isEmbedded(), "the embedded server lacks pipeline updates");
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> articles().update("body", Lower.of("title")))
			.withMessageContaining("needs a real MongoDB: an update with an aggregation pipeline");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().update("body", Lower.of("blogs__name")))
			.withMessageContaining("F() needs a single-valued field");
	}

	@Test
	void anUpdateOfNothingSendsNothing() {
		assertThat(articles().filter("rating__in", List.of()).update("rating", 1)).isZero();
		assertThat(articles().none().update("rating", 1)).isZero();
		assertThat(TestClients.recorder().count()).isZero();
	}

	@Test
	void updateRejectsWhatDjangoRejects() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().slice(0, 1).update("rating", 1))
			.withMessage("Cannot update a query once a slice has been taken.");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().update("id", 9))
			.withMessageContaining("Cannot update the id of Article");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().update("rating__gt", 9))
			.withMessageContaining("update() takes fields");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().update("titel", "x"))
			.withMessageContaining("Cannot resolve keyword 'titel'");
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().update("views", null))
			.withMessageContaining("primitive");
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().update("rating", "many"))
			.withMessageContaining("Article.rating");
		assertThat(TestClients.recorder().count()).isZero();
	}

	@Test
	void updateFiltersOnAnnotationsThroughTheirIds() {
		long updated = articles().annotate("numTags", io.djongo.spring.core.query.aggregate.Count.of("tags"))
			.filter("numTags", 2)
			.update("rating", 1);
		assertThat(updated).isEqualTo(2);
		assertThat(articles().filter("rating", 1).valuesList("id", Long.class).list()).containsExactlyInAnyOrder(1L, 2L, 4L);
	}

	@Test
	void deleteReturnsCountsPerModel() {
		DeleteResult result = articles().filter("rating__lt", 3).delete();
		assertThat(result.count()).isEqualTo(2);
		assertThat(result.count(Article.class)).isEqualTo(2);
		assertThat(result.perModel()).containsExactly(Map.entry(Article.class, 2L));
		assertThat(TestClients.recorder().names()).containsExactly("delete");
		assertThat(articles().count()).isEqualTo(4);
		assertThat(articles().none().delete().count()).isZero();
	}

	@Test
	void inBulkConvertsIdsToTheIdType() {
		assertThat(articles().inBulk(List.of(1, 2))).containsOnlyKeys(1, 2);
	}

}
