package io.djongo.spring.core.query.internal;

import java.util.Arrays;
import java.util.List;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Field;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Variable;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.aggregate.Avg;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.Sum;
import io.djongo.spring.core.relation.Author;
import io.djongo.spring.core.relation.Person;
import io.djongo.spring.core.relation.Post;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import static io.djongo.spring.core.query.internal.OfflineEngine.bson;
import static io.djongo.spring.core.query.internal.OfflineEngine.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The complete plans of chains, without a server: the find or pipeline of a listing (sort, slice, projection,
 * joins, annotations) and the commands of count, exists and aggregate, compared with what the driver's
 * {@link Aggregates}, {@link Sorts} and {@link Projections} builders make; and the compilation of each chain call
 * once, at the call.
 */
class QueryPlanUnitTests {

	final QueryEngine engine = OfflineEngine.create();

	QuerySet<Article> articles() {
		return this.engine.objects(Article.class);
	}

	static BsonDocument commandOf(QuerySet<?> qs) {
		Document command = qs.command();
		assertThat(command).isNotNull();
		return bson(command);
	}

	static List<BsonDocument> pipelineOf(QuerySet<?> qs) {
		Document command = qs.command();
		assertThat(command).isNotNull().containsKey("aggregate");
		return bson(command.getList("pipeline", Bson.class));
	}

	static Bson eq(String field, Object value) {
		return new Document(field, new Document("$eq", value));
	}

	static BsonDocument find(String collection, Bson filter) {
		return bson(new Document("find", collection).append("filter", filter));
	}

	@Test
	void aPlainListingIsAFindWithItsSortSliceAndNoProjection() {
		BsonDocument command = commandOf(articles().filter("rating__gte", 3).orderBy("-publishedDate", "id").slice(5, 10));
		assertThat(command).isEqualTo(find("qs_article", Filters.gte("rating", 3))
			.append("sort", bson(Sorts.orderBy(Sorts.descending("publishedDate"), Sorts.ascending("_id"))))
			.append("skip", new BsonInt32(5))
			.append("limit", new BsonInt32(5)));
		assertThat(command.toJson()).as("in this order")
			.isEqualTo(find("qs_article", Filters.gte("rating", 3))
				.append("sort", bson(Sorts.orderBy(Sorts.descending("publishedDate"), Sorts.ascending("_id"))))
				.append("skip", new BsonInt32(5))
				.append("limit", new BsonInt32(5))
				.toJson());
		assertThat(commandOf(articles())).isEqualTo(find("qs_article", new Document()));
	}

	@Test
	void slicesOfSlicesNarrowTheWindow() {
		QueryPlan plan = plan(articles().slice(10, 20).slice(5).slice(0, 3));
		assertThat(plan.offset()).isEqualTo(15);
		assertThat(plan.limit()).isEqualTo(3);
		assertThat(plan(articles().slice(10, 20).slice(15)).limit()).isZero();
	}

	@Test
	void reverseFlipsTheOrderingInForce() {
		assertThat(commandOf(articles().orderBy("-rating", "title").reverse()).get("sort").asDocument().toJson())
			.isEqualTo(bson(Sorts.orderBy(Sorts.ascending("rating"), Sorts.descending("title"))).toJson());
		assertThat(commandOf(articles().orderBy("rating").reverse().reverse()).get("sort"))
			.isEqualTo(bson(Sorts.ascending("rating")));
		assertThat(commandOf(articles().orderBy("rating").reverse().orderBy("views")).get("sort"))
			.as("a new ordering is not reversed").isEqualTo(bson(Sorts.ascending("views")));
		assertThat(commandOf(articles().reverse())).as("nothing to reverse").doesNotContainKey("sort");
	}

	@Test
	void onlyAndDeferAreProjectionsResolvedToStoredNames() {
		assertThat(commandOf(articles().only("title", "body")).get("projection"))
			.isEqualTo(bson(Projections.include("title", "text")));
		assertThat(commandOf(articles().defer("body", "blogs")).get("projection"))
			.isEqualTo(bson(Projections.exclude("text", "blogs")));
		assertThat(commandOf(articles().defer("body").defer("tags")).get("projection"))
			.isEqualTo(bson(Projections.exclude("text", "tags")));
		assertThat(commandOf(articles().defer("body").only("title")).get("projection"))
			.isEqualTo(bson(Projections.include("title")));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().defer("id"));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().only("titel"));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().only("title__icontains"));
	}

	@Test
	void valuesProjectTheRequestedStoredPathsOnly() {
		assertThat(commandOf(articles().values("title", "blog__name")).get("projection"))
			.isEqualTo(bson(Projections.fields(Projections.include("title", "blog.name"), Projections.excludeId())));
		assertThat(commandOf(articles().valuesList("pk", "body")).get("projection"))
			.isEqualTo(bson(Projections.include("_id", "text")));
		assertThat(commandOf(articles().valuesList("title", String.class)).get("projection"))
			.isEqualTo(bson(Projections.fields(Projections.include("title"), Projections.excludeId())));
		assertThat(commandOf(articles().values()).get("projection").asDocument().keySet())
			.as("all fields").contains("_id", "title", "text", "rating", "blogs", "meta");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().values("nope"));
	}

	@Test
	void distinctValuesGroupThenSortAndSliceTheGroups() {
		assertThat(pipelineOf(articles().orderBy("title").values("title").distinct().slice(1, 3))).containsExactly(
				bson(Aggregates.group(new Document("title", "$title"))), bson(Aggregates.replaceRoot("$_id")),
				bson(Aggregates.sort(Sorts.ascending("title"))), bson(Aggregates.skip(1)), bson(Aggregates.limit(2)));
		assertThat(pipelineOf(articles().orderBy("-rating").values("blog__name").distinct()))
			.as("the ordering fields are grouped on too, as Django does")
			.startsWith(bson(Aggregates.group(
					new Document("blog", new Document("name", "$blog.name")).append("rating", "$rating"))));
		assertThat(commandOf(articles().distinct())).as("documents never repeat").containsKey("find");
	}

	@Test
	void annotationsMakeAnAggregateWithTheirFilterAfterThem() {
		assertThat(pipelineOf(articles().filter("rating__gte", 3)
			.annotate("double", F.of("views").times(2))
			.filter("double__gt", 4)
			.orderBy("-double"))).containsExactly(bson(Aggregates.match(Filters.gte("rating", 3))),
					bson(Aggregates.addFields(new Field<>("double", new Document("$multiply", List.of("$views", 2))))),
					bson(Aggregates.match(Filters.gt("double", 4))), bson(Aggregates.sort(Sorts.descending("double"))));
	}

	@Test
	void anAnnotationMayNotTakeTheNameOfAFieldOrARelation() {
		QuerySet<Author> authors = this.engine.objects(Author.class);
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> authors.annotate("name", Count.of("posts")));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> authors.annotate("posts", Count.of("posts")))
			.withMessage("The annotation 'posts' conflicts with a field on the model Author.");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> authors.annotate("pk", Count.of("posts")));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> authors.annotate("num__posts", Count.of("posts")));
		assertThat(plan(authors.annotate("numPosts", Count.of("posts"))).scope().annotations()).containsOnlyKeys("numPosts");
	}

	@Test
	void aggregatesOverAListCountItsNonNullElements() {
		Document tags = new Document("$ifNull", Arrays.asList("$tags", List.of()));
		// the variable named: the embedded server does not know $filter's default $$this
		Document nonNull = new Document("$filter", new Document("input", tags).append("as", "djongoValue")
			.append("cond", new Document("$gt", Arrays.asList("$$djongoValue", null))));
		assertThat(pipelineOf(articles().annotate("numTags", Count.of("tags"))))
			.containsExactly(bson(Aggregates.addFields(new Field<>("numTags", new Document("$size", nonNull)))));
		assertThat(plan(articles().annotate("avg", Avg.of("blogs__rating"))).scope().annotations())
			.containsEntry("avg", Double.class);
	}

	@Test
	void lookupsAcrossARelationJoinTheRelatedDocuments() {
		assertThat(pipelineOf(this.engine.objects(Author.class).filter("posts__rating__gte", 4))).containsExactly(
				bson(Aggregates.lookup("rel_post", "_id", "author_id", "__djongo_posts")),
				bson(Aggregates.match(Filters.gte("__djongo_posts.rating", 4))),
				bson(Aggregates.project(Projections.exclude("__djongo_posts"))));
		assertThat(pipelineOf(this.engine.objects(Post.class).filter("author__name", "Ann"))).containsExactly(
				bson(Aggregates.lookup("rel_author", "author_id", "_id", "__djongo_author")),
				bson(Aggregates.addFields(new Field<>("__djongo_author",
						new Document("$arrayElemAt", List.of("$__djongo_author", 0))))),
				bson(Aggregates.match(eq("__djongo_author.name", "Ann"))),
				bson(Aggregates.project(Projections.exclude("__djongo_author"))));
		assertThat(commandOf(this.engine.objects(Post.class).filter("author__id", 1)))
			.as("the stored id needs no join").isEqualTo(find("rel_post", eq("author_id", 1L)));
	}

	@Test
	void aManyToManyIsJoinedByItsArrayOfIdsAndAThroughModelByBothKeys() {
		assertThat(pipelineOf(this.engine.objects(Post.class).filter("tags__name", "java"))).containsExactly(
				bson(Aggregates.lookup("rel_tag", "tags", "_id", "__djongo_tags")),
				bson(Aggregates.match(eq("__djongo_tags.name", "java"))),
				bson(Aggregates.project(Projections.exclude("__djongo_tags"))));
		assertThat(pipelineOf(this.engine.objects(Person.class).filter("groups__name", "chess"))).containsExactly(
				bson(Aggregates.lookup("rel_membership", List.of(new Variable<>("djongoKey", "$_id")),
						List.of(Aggregates.match(Filters.expr(new Document("$eq", List.of("$person_id", "$$djongoKey")))),
								Aggregates.lookup("rel_group", "group_id", "_id", "__djongo_group"),
								Aggregates.addFields(new Field<>("__djongo_group",
										new Document("$arrayElemAt", List.of("$__djongo_group", 0))))),
						"__djongo_membership")),
				bson(Aggregates.match(eq("__djongo_membership.__djongo_group.name", "chess"))),
				bson(Aggregates.project(Projections.exclude("__djongo_membership"))));
	}

	@Test
	void inDjangoStorageTheIdColumnIsJoinedAndTheManyToManyGoesThroughDjangosThroughCollection() {
		QuerySet<io.djongo.spring.core.django.Post> posts = this.engine.objects(io.djongo.spring.core.django.Post.class);
		assertThat(commandOf(posts.filter("pk", 1))).isEqualTo(find("blog_post", eq("id", 1L)));
		assertThat(pipelineOf(posts.filter("author__name", "Ann"))).containsExactly(
				bson(Aggregates.lookup("blog_author", "author_id", "id", "__djongo_author")),
				bson(Aggregates.addFields(new Field<>("__djongo_author",
						new Document("$arrayElemAt", List.of("$__djongo_author", 0))))),
				bson(Aggregates.match(eq("__djongo_author.name", "Ann"))),
				bson(Aggregates.project(Projections.exclude("__djongo_author"))));
		assertThat(pipelineOf(posts.filter("tags__name", "java"))).containsExactly(
				bson(Aggregates.lookup("blog_post_tags", List.of(new Variable<>("djongoKey", "$id")),
						List.of(Aggregates.match(Filters.expr(new Document("$eq", List.of("$post_id", "$$djongoKey")))),
								Aggregates.lookup("blog_tag", "tag_id", "id", "__djongo_tag"),
								Aggregates.addFields(new Field<>("__djongo_tag",
										new Document("$arrayElemAt", List.of("$__djongo_tag", 0))))),
						"__djongo_post_tags")),
				bson(Aggregates.match(eq("__djongo_post_tags.__djongo_tag.name", "java"))),
				bson(Aggregates.project(Projections.exclude("__djongo_post_tags"))));
	}

	@Test
	void aFilterBeforeAnAnnotationRestrictsTheRelatedDocumentsItCounts() {
		List<BsonDocument> pipeline = pipelineOf(this.engine.objects(Author.class)
			.filter("posts__rating__gte", 4)
			.annotate("numPosts", Count.of("posts")));
		assertThat(pipeline).contains(bson(Aggregates.lookup("rel_post", List.of(new Variable<>("djongoKey", "$_id")),
				List.of(Aggregates.match(Filters.expr(new Document("$eq", List.of("$author_id", "$$djongoKey")))),
						Aggregates.match(Filters.gte("rating", 4))),
				"__djongo_posts_a0")));
		assertThat(pipeline).contains(bson(Aggregates.addFields(new Field<>("numPosts",
				new Document("$size", new Document("$ifNull", Arrays.asList("$__djongo_posts_a0", List.of())))))));
	}

	@Test
	void selectRelatedJoinsTheRelatedDocumentAndKeepsIt() {
		assertThat(pipelineOf(this.engine.objects(Post.class).selectRelated("author"))).containsExactly(
				bson(Aggregates.lookup("rel_author", "author_id", "_id", "__djongo_author")),
				bson(Aggregates.addFields(new Field<>("__djongo_author",
						new Document("$arrayElemAt", List.of("$__djongo_author", 0))))));
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> this.engine.objects(Post.class).selectRelated("tags"));
	}

	@Test
	void orderingByARelatedFieldJoinsIt() {
		assertThat(pipelineOf(this.engine.objects(Post.class).orderBy("author__name")))
			.contains(bson(Aggregates.sort(Sorts.ascending("__djongo_author.name"))));
	}

	@Test
	void randomOrderIsARandomKeySortedOnAndHidden() {
		assertThat(pipelineOf(articles().orderBy("?"))).containsExactly(
				bson(Aggregates.addFields(new Field<>(QueryPlan.RANDOM_KEY, new Document("$rand", new Document())))),
				bson(Aggregates.sort(Sorts.ascending(QueryPlan.RANDOM_KEY))),
				bson(Aggregates.project(Projections.exclude(QueryPlan.RANDOM_KEY))));
	}

	@Test
	void knownEmptyQuerySetsHaveNoCommand() {
		assertThat(articles().filter("pk__in", List.of()).command()).isNull();
		assertThat(articles().none().command()).isNull();
		assertThat(articles().slice(0, 0).command()).isNull();
		assertThat(plan(articles().none()).countCommand()).isNull();
		assertThat(plan(articles().none()).existsCommand()).isNull();
		assertThat(this.engine.compiler().aggregate(plan(articles().none()), List.of(Sum.of("views"))).command())
			.isNull();
	}

	@Test
	void countIsTheListingsStagesWithoutSortThenOneGroup() {
		QueryPlan plan = plan(articles().filter("rating__gte", 3).orderBy("title").slice(2, 5));
		assertThat(bson(plan.countCommand().document())).isEqualTo(bson(new Document("aggregate", "qs_article").append(
				"pipeline", List.of(Aggregates.match(Filters.gte("rating", 3)), Aggregates.skip(2), Aggregates.limit(3),
						Aggregates.group(null, Accumulators.sum("n", 1))))));
		assertThat(bson(plan(articles()).countCommand().pipeline()))
			.containsExactly(bson(Aggregates.group(null, Accumulators.sum("n", 1))));
	}

	@Test
	void existsIsTheListingWithoutSortLimitedToOneId() {
		QueryPlan plan = plan(articles().filter("rating", 3).orderBy("title").slice(2));
		assertThat(bson(plan.existsCommand().document())).isEqualTo(find("qs_article", eq("rating", 3))
			.append("skip", new BsonInt32(2))
			.append("limit", new BsonInt32(1))
			.append("projection", bson(Projections.include("_id"))));
	}

	@Test
	void aggregateGroupsTheListingsStagesSortedOnlyWhenSliced() {
		Command.Pipeline sliced = this.engine.compiler()
			.aggregate(plan(articles().filter("rating__gte", 3).orderBy("-views").slice(0, 2)), List.of(Avg.of("views")))
			.command();
		assertThat(bson(sliced.pipeline())).startsWith(bson(Aggregates.match(Filters.gte("rating", 3))),
				bson(Aggregates.sort(Sorts.descending("views"))), bson(Aggregates.limit(2)),
				bson(Aggregates.group(null, Accumulators.avg("a0", "$views"))));
		Command.Pipeline whole = this.engine.compiler()
			.aggregate(plan(articles().orderBy("-views")), List.of(Count.of("rating").as("n")))
			.command();
		assertThat(bson(whole.pipeline())).doesNotContain(bson(Aggregates.sort(Sorts.descending("views"))));
		assertThat(bson(whole.pipeline()).get(1)).isEqualTo(bson(Aggregates.project(
				Projections.fields(Projections.excludeId(), Projections.computed("n", "$a0")))));
	}

	@Test
	void eachChainCallCompilesItsOwnStepOnceAndAtOnce() {
		QuerySet<Article> filtered = articles().filter("rating__gte", 3);
		QuerySet<Article> next = filtered.filter("title__startswith", "D").orderBy("-views").slice(0, 5);
		QueryPlan before = plan(filtered);
		QueryPlan after = plan(next);
		assertThat(after.steps().before().get(0)).as("the first filter is not compiled again")
			.isSameAs(before.steps().before().get(0));
		assertThat(after.steps().scope()).isSameAs(before.steps().scope());
		assertThat(after.listing()).as("assembled once per plan").isSameAs(after.listing());
		assertThat(next.command()).isEqualTo(next.command());
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> filtered.orderBy("-titel"));
		assertThat(plan(this.engine.objects(Article.class))).as("one base plan per model").isSameAs(plan(articles()));
	}

}
