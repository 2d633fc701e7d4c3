package io.djongo.spring.core.bridge;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.InsertManyResult;
import com.mongodb.client.result.InsertOneResult;
import com.mongodb.client.result.UpdateResult;
import io.djongo.spring.core.model.EnforceSchema;
import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.core.schema.MigrationException;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import jakarta.validation.constraints.NotBlank;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One test per call of the mongo bridge, against the test server.
 */
@SpringJUnitConfig
class MongoBridgeIntegrationTests {

	@Autowired
	ArticleRepository articles;

	@Autowired
	StrictArticleRepository strictArticles;

	@Autowired
	DjongoTemplate djongo;

	@BeforeEach
	void dropCollection() {
		this.articles.mongo().drop();
	}

	@Test
	void mongoIsTheRawCollectionOfTheModel() {
		assertThat(this.articles.mongo().getNamespace().getCollectionName()).isEqualTo("bridge_article");
		assertThat(this.articles.mongo().getNamespace()).isEqualTo(this.djongo.mongo(Article.class).getNamespace());
		assertThat(this.djongo.mongo("bridge_article").getNamespace()).isEqualTo(this.articles.mongo().getNamespace());
	}

	@Test
	void commandRunsAgainstTheDjongoDatabase() {
		assertThat(this.djongo.command(new Document("ping", 1)).get("ok", Number.class).intValue()).isEqualTo(1);
		this.articles.mongoInsertOne(article("in the right database", 1));
		Document count = this.djongo.command(new Document("count", "bridge_article"));
		assertThat(count.get("n", Number.class).intValue()).isEqualTo(1);
	}

	@Test
	void mongoFindReturnsRawDocumentsOrMappedModels() {
		this.articles.mongoInsertMany(List.of(article("b", 2), article("a", 1), article("c", 3)));

		List<String> raw = this.articles.mongoFind(Filters.gte("rating", 2))
			.sort(Sorts.ascending("headline"))
			.map((d) -> d.getString("headline"))
			.into(new ArrayList<>());
		assertThat(raw).containsExactly("b", "c");
		assertThat(this.articles.mongoFind().into(new ArrayList<>())).hasSize(3);

		List<Article> typed = this.articles.mongoFind(Filters.eq("headline", "a"), Article.class);
		assertThat(typed).singleElement().satisfies((a) -> {
			assertThat(a.headline).isEqualTo("a");
			assertThat(a.rating).isEqualTo(1);
			assertThat(a.id).isNotNull();
			assertThat(a.readThroughCallbacks).as("after-convert callbacks ran").isTrue();
		});
	}

	@Test
	void mongoFindOneReturnsTheFirstMatchOrEmpty() {
		this.articles.mongoInsertOne(article("only", 4));

		assertThat(this.articles.mongoFindOne(Filters.eq("headline", "only"))).get()
			.extracting((d) -> d.getInteger("rating"))
			.isEqualTo(4);
		assertThat(this.articles.mongoFindOne(Filters.eq("headline", "none"))).isEmpty();
		assertThat(this.articles.mongoFindOne(Filters.eq("headline", "only"), Article.class)).get()
			.satisfies((a) -> assertThat(a.readThroughCallbacks).isTrue())
			.extracting((a) -> a.rating)
			.isEqualTo(4);
	}

	@Test
	void mongoInsertOneWritesTheDocumentAsGivenWithoutValidation() {
		// a blank headline violates @NotBlank: the raw call writes it anyway, as djongo's mongo_insert_one does
		InsertOneResult result = this.articles.mongoInsertOne(new Document("headline", "  ").append("extra", true));

		ObjectId id = result.getInsertedId().asObjectId().getValue();
		Document stored = this.articles.mongoFindOne(Filters.eq("_id", id)).orElseThrow();
		assertThat(stored.getString("headline")).isEqualTo("  ");
		assertThat(stored.getBoolean("extra")).isTrue();

		Article invalid = new Article();
		invalid.headline = "  ";
		assertThatExceptionOfType(ValidationException.class).as("the same value through the model layer")
			.isThrownBy(() -> this.articles.save(invalid));
	}

	@Test
	void mongoInsertManyInsertsEveryDocument() {
		InsertManyResult result = this.articles.mongoInsertMany(List.of(article("x", 1), article("y", 2)));

		assertThat(result.getInsertedIds()).hasSize(2);
		assertThat(this.articles.mongoCountDocuments()).isEqualTo(2);
	}

	@Test
	void mongoUpdateOneUpdatesOneDocumentAndUpsertsOnRequest() {
		this.articles.mongoInsertMany(List.of(article("same", 1), article("same", 1)));

		UpdateResult result = this.articles.mongoUpdateOne(Filters.eq("headline", "same"), Updates.inc("rating", 10));
		assertThat(result.getMatchedCount()).isEqualTo(1);
		assertThat(result.getModifiedCount()).isEqualTo(1);
		assertThat(this.articles.mongoCountDocuments(Filters.eq("rating", 11))).isEqualTo(1);

		UpdateResult upsert = this.articles.mongoUpdateOne(Filters.eq("headline", "new"), Updates.set("rating", 5),
				new UpdateOptions().upsert(true));
		assertThat(upsert.getUpsertedId()).isNotNull();
		assertThat(this.articles.mongoFindOne(Filters.eq("headline", "new"))).get()
			.extracting((d) -> d.getInteger("rating"))
			.isEqualTo(5);
	}

	@Test
	void mongoUpdateManyUpdatesEveryMatch() {
		this.articles.mongoInsertMany(List.of(article("a", 1), article("b", 1), article("c", 2)));

		UpdateResult result = this.articles.mongoUpdateMany(Filters.eq("rating", 1), Updates.set("rating", 9));

		assertThat(result.getModifiedCount()).isEqualTo(2);
		assertThat(this.articles.mongoDistinct("rating", Integer.class).into(new ArrayList<>()))
			.containsExactlyInAnyOrder(9, 2);
	}

	@Test
	void mongoReplaceOneReplacesTheWholeDocument() {
		this.articles.mongoInsertOne(article("old", 1).append("tags", List.of("x")));

		UpdateResult result = this.articles.mongoReplaceOne(Filters.eq("headline", "old"), article("new", 2));

		assertThat(result.getModifiedCount()).isEqualTo(1);
		Document replaced = this.articles.mongoFindOne(Filters.eq("headline", "new")).orElseThrow();
		assertThat(replaced).doesNotContainKey("tags").containsEntry("rating", 2);
		assertThat(this.articles.mongoCountDocuments()).isEqualTo(1);
	}

	@Test
	void mongoDeleteOneDeletesOneMatch() {
		this.articles.mongoInsertMany(List.of(article("dup", 1), article("dup", 1)));

		DeleteResult result = this.articles.mongoDeleteOne(Filters.eq("headline", "dup"));

		assertThat(result.getDeletedCount()).isEqualTo(1);
		assertThat(this.articles.mongoCountDocuments()).isEqualTo(1);
	}

	@Test
	void mongoDeleteManyDeletesEveryMatch() {
		this.articles.mongoInsertMany(List.of(article("a", 1), article("b", 1), article("c", 2)));

		DeleteResult result = this.articles.mongoDeleteMany(Filters.lt("rating", 2));

		assertThat(result.getDeletedCount()).isEqualTo(2);
		assertThat(this.articles.mongoFind().map((d) -> d.getString("headline")).into(new ArrayList<>()))
			.containsExactly("c");
	}

	@Test
	void mongoCountDocumentsCountsAllOrMatches() {
		assertThat(this.articles.mongoCountDocuments()).isZero();
		this.articles.mongoInsertMany(List.of(article("a", 1), article("b", 2), article("c", 3)));

		assertThat(this.articles.mongoCountDocuments()).isEqualTo(3);
		assertThat(this.articles.mongoCountDocuments(Filters.gt("rating", 1))).isEqualTo(2);
	}

	@Test
	void mongoDistinctReturnsEachValueOnce() {
		this.articles.mongoInsertMany(List.of(article("a", 1), article("a", 2), article("b", 2)));

		assertThat(this.articles.mongoDistinct("headline", String.class).into(new ArrayList<>()))
			.containsExactlyInAnyOrder("a", "b");
		assertThat(this.articles.mongoDistinct("headline", Filters.eq("rating", 2), String.class)
			.into(new ArrayList<>())).containsExactlyInAnyOrder("a", "b");
		assertThat(this.articles.mongoDistinct("rating", Filters.eq("headline", "a"), Integer.class)
			.into(new ArrayList<>())).containsExactlyInAnyOrder(1, 2);
	}

	@Test
	void mongoAggregateRunsThePipelineInOneCommandRawOrTyped() {
		this.articles.mongoInsertMany(List.of(article("beatles", 5), article("stones", 4), article("beatles", 3)));
		List<Document> pipeline = List.of(new Document("$match", new Document("headline", "beatles")),
				new Document("$sort", new Document("rating", -1)));

		TestClients.recorder().clear();
		List<Document> raw = this.articles.mongoAggregate(pipeline).into(new ArrayList<>());
		assertThat(TestClients.recorder().names()).containsExactly("aggregate");
		assertThat(raw).extracting((d) -> d.getInteger("rating")).containsExactly(5, 3);

		List<Article> typed = this.articles
			.mongoAggregate(List.of(Aggregates.match(Filters.eq("headline", "stones"))), Article.class);
		assertThat(typed).singleElement().satisfies((a) -> {
			assertThat(a.rating).isEqualTo(4);
			assertThat(a.readThroughCallbacks).isTrue();
		});
	}

	@Test
	void typedCallsEnforceTheSchemaAsQuerySetsDo() {
		this.strictArticles.mongoInsertOne(new Document("headline", "no rating"));

		// the raw call returns the document as stored; mapping it to the model checks it
		assertThat(this.strictArticles.mongoFind(Filters.eq("headline", "no rating")).first()).isNotNull();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.strictArticles.mongoFind(Filters.eq("headline", "no rating"), StrictArticle.class))
			.withMessageContaining("rating");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.strictArticles.mongoAggregate(List.of(Aggregates.match(new Document())),
					StrictArticle.class));
		this.strictArticles.mongoDeleteMany(new Document());
	}

	@Test
	void mongoAggregateTreatsAUserStringAsALiteral() {
		this.articles.mongoInsertMany(List.of(article("a", 1), article("{\"$ne\": null}", 2)));

		List<Article> matches = this.articles.mongoAggregate(
				List.of(Aggregates.match(Filters.eq("headline", "{\"$ne\": null}"))), Article.class);

		assertThat(matches).extracting((a) -> a.rating).containsExactly(2);
	}

	@Test
	void mongoBulkWriteAppliesMixedWritesInOrder() {
		this.articles.mongoInsertMany(List.of(article("keep", 1), article("drop", 1)));

		BulkWriteResult result = this.articles
			.mongoBulkWrite(List.of(new InsertOneModel<>(article("added", 2)),
					new UpdateOneModel<>(Filters.eq("headline", "keep"), Updates.set("rating", 7)),
					new DeleteOneModel<>(Filters.eq("headline", "drop"))));

		assertThat(result.getInsertedCount()).isEqualTo(1);
		assertThat(result.getModifiedCount()).isEqualTo(1);
		assertThat(result.getDeletedCount()).isEqualTo(1);
		assertThat(this.articles.mongoFind()
			.sort(Sorts.ascending("headline"))
			.map((d) -> d.getString("headline") + "=" + d.getInteger("rating"))
			.into(new ArrayList<>())).containsExactly("added=2", "keep=7");
	}

	@Test
	void mongoFindOneAndUpdateReturnsTheDocumentBeforeOrAfter() {
		this.articles.mongoInsertOne(article("counter", 1));

		Document before = this.articles.mongoFindOneAndUpdate(Filters.eq("headline", "counter"), Updates.inc("rating", 1))
			.orElseThrow();
		assertThat(before.getInteger("rating")).isEqualTo(1);

		Article after = this.articles
			.mongoFindOneAndUpdate(Filters.eq("headline", "counter"), Updates.inc("rating", 1),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER), Article.class)
			.orElseThrow();
		assertThat(after.rating).isEqualTo(3);
		assertThat(after.readThroughCallbacks).isTrue();

		assertThat(this.articles.mongoFindOneAndUpdate(Filters.eq("headline", "missing"), Updates.inc("rating", 1)))
			.isEmpty();
	}

	@Test
	void mongoCreateIndexCreatesAnIndexTheServerEnforces() {
		String name = this.articles.mongoCreateIndex(Indexes.ascending("headline"), new IndexOptions().unique(true));

		assertThat(name).isEqualTo("headline_1");
		assertThat(this.articles.mongo().listIndexes().map((d) -> d.getString("name")).into(new ArrayList<>()))
			.contains("headline_1");
		assertThat(this.articles.mongoCreateIndex(Indexes.descending("rating"))).isEqualTo("rating_-1");

		this.articles.mongoInsertOne(article("unique", 1));
		// raw calls raise the driver's exceptions, untranslated
		assertThatExceptionOfType(MongoWriteException.class)
			.isThrownBy(() -> this.articles.mongoInsertOne(article("unique", 2)))
			.satisfies((ex) -> assertThat(ex.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
	}

	private static Document article(String headline, int rating) {
		return new Document("headline", headline).append("rating", rating);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE,
					classes = { ArticleRepository.class, StrictArticleRepository.class }))
	@Import(DjongoTestConfiguration.class)
	static class Config {

		@Bean
		AfterConvertCallback<Article> markReadThroughCallbacks() {
			return (article, document, collection) -> {
				article.readThroughCallbacks = true;
				return article;
			};
		}

	}

	interface ArticleRepository extends DjongoRepository<Article, ObjectId> {

	}

	interface StrictArticleRepository extends DjongoRepository<StrictArticle, ObjectId> {

	}

	@org.springframework.data.mongodb.core.mapping.Document("bridge_strict_article")
	@Model(enforceSchema = EnforceSchema.ENABLED)
	static class StrictArticle {

		@Id
		@Nullable ObjectId id;

		@Nullable String headline;

		@Nullable Integer rating;

	}

	@org.springframework.data.mongodb.core.mapping.Document("bridge_article")
	static class Article {

		@Id
		@Nullable ObjectId id;

		@NotBlank
		@Nullable String headline;

		int rating;

		@Transient
		boolean readThroughCallbacks;

	}

}
