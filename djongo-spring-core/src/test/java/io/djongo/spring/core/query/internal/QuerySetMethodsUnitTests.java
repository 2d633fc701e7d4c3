package io.djongo.spring.core.query.internal;

import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Field;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.Num;
import io.djongo.spring.core.query.OrderedNote;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.relation.Post;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import static io.djongo.spring.core.query.internal.OfflineEngine.bson;
import static io.djongo.spring.core.query.internal.OfflineEngine.plan;
import static io.djongo.spring.core.query.internal.QueryPlanUnitTests.commandOf;
import static io.djongo.spring.core.query.internal.QueryPlanUnitTests.eq;
import static io.djongo.spring.core.query.internal.QueryPlanUnitTests.find;
import static io.djongo.spring.core.query.internal.QueryPlanUnitTests.pipelineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The commands of the combinators, explain, the race-free get-or-create and earliest/latest, without a server:
 * compared with what the driver's {@link Filters} and {@link Aggregates} builders make, or with MongoDB's documented
 * command where the driver has no builder ({@code findAndModify}, {@code explain}).
 */
class QuerySetMethodsUnitTests {

	final QueryEngine engine = OfflineEngine.create();

	QuerySet<Num> numbers() {
		return this.engine.objects(Num.class);
	}

	// ---- combinators as a filter

	@Test
	void aUnionOfFiltersIsOneFindOfTheirOr() {
		assertThat(commandOf(numbers().filter("num__lte", 1).union(numbers().filter("num__gte", 8),
				numbers().filter("num", 5)))).isEqualTo(find("qs_num",
						Filters.or(Filters.lte("num", 1), Filters.gte("num", 8), eq("num", 5))));
		assertThat(commandOf(numbers().union(numbers().filter("num", 5)))).as("one part is every document")
			.isEqualTo(find("qs_num", new Document()));
		assertThat(commandOf(numbers().filter("num__lte", 1).union(numbers().none()))).as("none() adds nothing")
			.isEqualTo(find("qs_num", Filters.lte("num", 1)));
	}

	@Test
	void anIntersectionIsTheirAndAndADifferenceNorsTheOthers() {
		assertThat(commandOf(numbers().filter("num__lte", 5).intersection(numbers().filter("num__gte", 5))))
			.isEqualTo(find("qs_num", Filters.and(Filters.lte("num", 5), Filters.gte("num", 5))));
		assertThat(commandOf(numbers().filter("num__lte", 5).difference(numbers().filter("num__lte", 4),
				numbers().filter("num", 0)))).isEqualTo(find("qs_num", Filters.and(Filters.lte("num", 5),
						Filters.nor(Filters.or(Filters.lte("num", 4), eq("num", 0))))));
		assertThat(numbers().intersection(numbers().none()).command()).as("known empty").isNull();
		assertThat(numbers().none().difference(numbers()).command()).isNull();
	}

	@Test
	void theResultIsOrderedAndSlicedAfterwardAndTheDefaultOrderingApplies() {
		BsonDocument command = commandOf(numbers().filter("num__lte", 1)
			.union(numbers().filter("num__gte", 8))
			.orderBy("-num")
			.slice(1, 3));
		assertThat(command.get("sort")).isEqualTo(bson(Sorts.descending("num")));
		assertThat(command.getInt32("skip").getValue()).isEqualTo(1);
		assertThat(command.getInt32("limit").getValue()).isEqualTo(2);
		QuerySet<OrderedNote> notes = this.engine.objects(OrderedNote.class);
		assertThat(commandOf(notes.filter("text", "a").union(notes.filter("text", "b"))).get("sort"))
			.isEqualTo(bson(Sorts.descending("_id")));
	}

	@Test
	void valuesAfterAUnionAreDistinctRows() {
		assertThat(pipelineOf(numbers().filter("num__lte", 1).union(numbers().filter("num__gte", 8)).values("otherNum")))
			.containsExactly(bson(Aggregates.match(Filters.or(Filters.lte("num", 1), Filters.gte("num", 8)))),
					bson(Aggregates.group(new Document("otherNum", "$otherNum"))), bson(Aggregates.replaceRoot("$_id")));
		assertThat(pipelineOf(numbers().filter("num", 1).values("num").union(numbers().filter("num", 2).values("num"))))
			.as("values of the parts move to the result")
			.startsWith(bson(Aggregates.match(Filters.or(eq("num", 1), eq("num", 2)))),
					bson(Aggregates.group(new Document("num", "$num"))));
	}

	// ---- combinators as a pipeline ($unionWith)

	@Test
	void aUnionAllChainsThePartsWithUnionWith() {
		assertThat(pipelineOf(numbers().filter("num__lte", 1).unionAll(numbers().filter("num__gte", 8))))
			.containsExactly(bson(Aggregates.match(Filters.lte("num", 1))), bson(Aggregates.unionWith("qs_num",
					List.of(Aggregates.match(Filters.gte("num", 8))))));
	}

	@Test
	void slicedPartsKeepTheirOrderAndSliceAndTheUnionGroupsById() {
		assertThat(pipelineOf(numbers().orderBy("num").slice(0, 2).union(numbers().orderBy("-num").slice(0, 2))
			.orderBy("-num"))).containsExactly(bson(Aggregates.sort(Sorts.ascending("num"))), bson(Aggregates.limit(2)),
					bson(Aggregates.unionWith("qs_num",
							List.of(Aggregates.sort(Sorts.descending("num")), Aggregates.limit(2)))),
					bson(Aggregates.group("$_id", Accumulators.first("__djongo_doc", "$$ROOT"))),
					bson(Aggregates.replaceRoot("$__djongo_doc")), bson(Aggregates.sort(Sorts.descending("num"))));
	}

	@Test
	void anIntersectionOrDifferencePipelineTagsThePartsAndMatchesWhichHaveADocument() {
		List<Bson> tail = List.of(Aggregates.group("$_id", Accumulators.first("__djongo_doc", "$$ROOT"),
				Accumulators.addToSet("__djongo_parts", "$__djongo_part")));
		List<BsonDocument> intersection = pipelineOf(
				numbers().slice(0, 3).intersection(numbers().filter("num", 1), numbers().filter("num", 2)));
		assertThat(intersection).containsExactly(bson(Aggregates.limit(3)),
				bson(Aggregates.addFields(new Field<>("__djongo_part", 0))),
				bson(Aggregates.unionWith("qs_num", List.of(Aggregates.match(eq("num", 1)),
						Aggregates.addFields(new Field<>("__djongo_part", 1))))),
				bson(Aggregates.unionWith("qs_num", List.of(Aggregates.match(eq("num", 2)),
						Aggregates.addFields(new Field<>("__djongo_part", 2))))),
				bson(tail.get(0)), bson(Aggregates.match(Filters.all("__djongo_parts", 0, 1, 2))),
				bson(Aggregates.replaceRoot("$__djongo_doc")), bson(Aggregates.project(Projections.exclude("__djongo_part"))));
		assertThat(pipelineOf(numbers().slice(0, 3).difference(numbers().filter("num", 1))))
			.contains(bson(Aggregates.match(Filters.nin("__djongo_parts", 1))));
	}

	@Test
	void aPartJoiningARelationIsPipedWithoutItsJoinedDocuments() {
		QuerySet<Post> posts = this.engine.objects(Post.class);
		List<BsonDocument> pipeline = pipelineOf(posts.filter("author__name", "Ann").union(posts.filter("rating", 5)));
		assertThat(pipeline.get(0)).isEqualTo(bson(Aggregates.lookup("rel_author", "author_id", "_id",
				"__djongo_author")));
		assertThat(pipeline.get(3)).isEqualTo(bson(Aggregates.project(Projections.exclude("__djongo_author"))));
		assertThat(pipeline.get(4))
			.isEqualTo(bson(Aggregates.unionWith("rel_post", List.of(Aggregates.match(eq("rating", 5))))));
	}

	@Test
	void combinatorsRefuseWhatDjangoRefuses() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> numbers().union(numbers()).filter("num", 1))
			.withMessage("Calling QuerySet.filter() after union() is not supported.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> numbers().union(this.engine.objects(Article.class)))
			.withMessage("union() combines QuerySets of one model: Num and Article");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> numbers().values("num").union(numbers()))
			.withMessageContaining("must select the same columns");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> numbers().difference(numbers()).valuesList("num"))
			.withMessageContaining("values() after difference() must include the id");
		assertThat(plan(numbers().difference(numbers()).valuesList("pk", "num")).combination()).isNotNull();
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> numbers().values("num").distinct().slice(0, 2).union(numbers().values("num")))
			.withMessageContaining("distinct() values in a QuerySet combined by union() are not supported");
	}

	// ---- earliest, latest, explain, the upsert

	@Test
	void explainWrapsTheListingAsMongoDbDocumentsIt() {
		Command.Read listing = plan(numbers().filter("num", 1).orderBy("-num")).listing().command();
		assertThat(listing).isNotNull();
		assertThat(bson(QueryEngine.explainCommand(listing))).isEqualTo(bson(new Document("explain",
				new Document("find", "qs_num").append("filter", eq("num", 1)).append("sort", Sorts.descending("num")))
			.append("verbosity", "queryPlanner")));
	}

	@Test
	void theRaceFreeUpsertQueriesTheLookupsAndInsertsTheRestOfTheDocument() {
		Document document = new Document("_id", 7L).append("email", "a@x").append("first", "Ann").append("age", 3);
		assertThat(bson(Creations.upsertCommand("qs_member", document, Set.of("email"), new Document())))
			.isEqualTo(bson(new Document("findAndModify", "qs_member").append("query", new Document("email", "a@x"))
				.append("update", new Document("$setOnInsert",
						new Document("_id", 7L).append("first", "Ann").append("age", 3)))
				.append("new", true)
				.append("upsert", true)));
		Document updates = new Document("$set", new Document("age", 4));
		assertThat(bson(Creations.upsertCommand("qs_member", document, Set.of("email"), updates)).get("update"))
			.as("update_or_create sets the defaults and inserts the rest")
			.isEqualTo(bson(new Document("$set", new Document("age", 4)).append("$setOnInsert",
					new Document("_id", 7L).append("first", "Ann"))));
		assertThat(bson(Creations.upsertCommand("qs_member", new Document("_id", 7L), Set.of("_id"), new Document()))
			.get("update")).as("never an empty update, which would replace what it finds")
			.isEqualTo(bson(new Document("$setOnInsert", new Document("_id", 7L))));
	}

	@Test
	void earliestAndLatestAreTheListingOrderedAndLimitedToOne() {
		QueryPlan plan = plan(numbers().filter("num__gte", 3));
		QueryPlan earliest = plan.compiler().orderBy(plan, List.of("num")).withSlice(0, 1L);
		assertThat(bson(earliest.listing().command().document())).isEqualTo(find("qs_num", Filters.gte("num", 3))
			.append("sort", bson(Sorts.ascending("num")))
			.append("limit", new org.bson.BsonInt32(1)));
		assertThat(plan.model().getLatestBy()).containsExactly("num");
	}

}
