package io.djongo.spring.core.query.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Field;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Variable;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.Case;
import io.djongo.spring.core.query.Exists;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.OuterRef;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.Subquery;
import io.djongo.spring.core.query.Value;
import io.djongo.spring.core.query.When;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.StdDev;
import io.djongo.spring.core.query.aggregate.Variance;
import io.djongo.spring.core.query.functions.Coalesce;
import io.djongo.spring.core.query.functions.Concat;
import io.djongo.spring.core.query.functions.ExtractWeek;
import io.djongo.spring.core.query.functions.Lower;
import io.djongo.spring.core.query.functions.Replace;
import io.djongo.spring.core.query.functions.Round;
import io.djongo.spring.core.query.functions.Trim;
import io.djongo.spring.core.query.functions.TruncDay;
import io.djongo.spring.core.query.functions.TruncMonth;
import io.djongo.spring.core.query.functions.TruncWeek;
import io.djongo.spring.core.relation.Author;
import io.djongo.spring.core.relation.Post;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import static io.djongo.spring.core.query.internal.OfflineEngine.bson;
import static io.djongo.spring.core.query.internal.OfflineEngine.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What expressions compile to, without a server, compared with the driver's builders and MongoDB's documented
 * shapes: the forms both servers run, and the MongoDB operators used where the embedded server has no equivalent
 * ({@code $trim}, {@code $toDecimal}, {@code $stdDevPop}, {@code $dateTrunc} in zones with daylight saving time).
 */
class ExpressionCompilerUnitTests {

	final QueryEngine engine = OfflineEngine.create();

	QuerySet<Article> articles() {
		return this.engine.objects(Article.class);
	}

	static List<BsonDocument> pipelineOf(QuerySet<?> qs) {
		Document command = qs.command();
		assertThat(command).isNotNull().containsKey("aggregate");
		return bson(command.getList("pipeline", Bson.class));
	}

	/** The expression an annotation compiles to. */
	static BsonDocument annotation(QuerySet<?> qs, String name) {
		return bson(new Document("v", plan(qs).annotations().get(name)));
	}

	static BsonDocument expected(Object expression) {
		return bson(new Document("v", expression));
	}

	static Document notNull(Object expression) {
		return new Document("$gt", Arrays.asList(expression, null));
	}

	@Test
	void caseIsNestedCondsOfGuardedConditions() {
		Case test = Case.of(When.of("rating", 1, Value.of("one")), When.of("rating__gte", 4, Value.of("high")))
			.otherwise(Value.of("other"));
		Document one = new Document("$and", List.of(notNull("$rating"), new Document("$eq", List.of("$rating", 1))));
		Document high = new Document("$and", List.of(notNull("$rating"), new Document("$gte", List.of("$rating", 4))));
		assertThat(annotation(articles().annotate("test", test), "test")).isEqualTo(expected(new Document("$cond",
				List.of(one, new Document("$literal", "one"), new Document("$cond", List.of(high,
						new Document("$literal", "high"), new Document("$literal", "other")))))));
		assertThat(annotation(articles().annotate("test", Case.of(When.of(Q.of("rating", 1).not(), 1))), "test"))
			.as("no default: null").isEqualTo(expected(new Document("$cond",
					Arrays.asList(new Document("$not", List.of(one)), 1, null))));
	}

	@Test
	void coalesceNestsIfNullTwoByTwo() {
		assertThat(annotation(articles().annotate("c", Coalesce.of("title", "body", Value.of("none"))), "c"))
			.isEqualTo(expected(new Document("$ifNull", List.of("$title",
					new Document("$ifNull", List.of("$text", new Document("$literal", "none")))))));
		assertThat(annotation(articles().annotate("c", Concat.of("title", "body")), "c"))
			.isEqualTo(expected(new Document("$concat", List.of(new Document("$ifNull", List.of("$title", "")),
					new Document("$ifNull", List.of("$text", ""))))));
	}

	@Test
	void integerDivisionTruncatesAndDecimalDivisionDoesNot() {
		assertThat(annotation(articles().annotate("q", F.of("views").div(F.of("rating"))), "q"))
			.isEqualTo(expected(new Document("$trunc", new Document("$divide", List.of("$views", "$rating")))));
		assertThat(annotation(articles().annotate("q", F.of("price").div(2)), "q"))
			.isEqualTo(expected(new Document("$divide", List.of("$price", 2))));
	}

	@Test
	void trimIsMongoDbsTrimOfSpacesOnly() {
		Document trim = new Document("$trim", new Document("input", "$title").append("chars", " "));
		assertThat(annotation(articles().annotate("t", Trim.of("title")), "t"))
			.isEqualTo(expected(new Document("$cond", Arrays.asList(notNull("$title"), trim, null))));
	}

	@Test
	void lowerAndReplaceUseOperatorsBothServersRun() {
		String lower = annotation(articles().annotate("l", Lower.of("title")), "l").toJson();
		assertThat(lower).contains("$reduce").contains("$indexOfCP").contains("$substrCP").doesNotContain("$toLower");
		String replace = annotation(articles().annotate("r", Replace.of("title", Value.of("a"), Value.of("b"))), "r")
			.toJson();
		assertThat(replace).contains("$split").doesNotContain("$replaceAll").doesNotContain("$replaceOne");
		String week = annotation(articles().annotate("w", ExtractWeek.of("publishedDate")), "w").toJson();
		assertThat(week).contains("$dayOfYear").doesNotContain("$isoWeek");
	}

	@Test
	void roundIsHalfAwayFromZeroInDecimalsAndFloatsToPlacesTakeToDecimal() {
		String decimal = annotation(articles().annotate("r", Round.of("price", 1)), "r").toJson();
		assertThat(decimal).contains(bson(new Document("v", new Decimal128(new BigDecimal("0.1")))).toJson()
			.replaceAll("^\\{\"v\": |}$", "")).doesNotContain("$toDecimal").doesNotContain("$round");
		QuerySet<Article> floats = articles().annotate("d", F.of("views").times(0.5));
		assertThat(annotation(floats.annotate("r", Round.of("d", 2)), "r").toJson()).contains("$toDecimal");
		assertThat(annotation(floats.annotate("r", Round.of("d")), "r").toJson()).doesNotContain("$toDecimal")
			.doesNotContain("$round");
	}

	@Test
	void standardDeviationsAreMongoDbsAccumulators() {
		QueryPlan plan = plan(articles());
		QueryCompiler.Aggregated aggregated = plan.compiler().aggregate(plan,
				List.of(StdDev.of("views"), StdDev.of("views").sample().as("s"), Variance.of("rating")));
		List<BsonDocument> pipeline = bson(aggregated.command().pipeline());
		assertThat(pipeline.get(0)).isEqualTo(bson(Aggregates.group(null, Accumulators.stdDevPop("a0", "$views"),
				Accumulators.stdDevSamp("a1", "$views"), Accumulators.stdDevPop("a2", "$rating"))));
		assertThat(pipeline.get(1)).isEqualTo(bson(Aggregates.project(Projections.fields(Projections.excludeId(),
				Projections.computed("views__stddev", "$a0"), Projections.computed("s", "$a1"),
				Projections.computed("rating__variance", new Document("$pow", List.of("$a2", 2)))))));
	}

	@Test
	void truncationIsArithmeticInFixedZonesAndDateTruncWithDaylightSavingTime() {
		String utc = annotation(articles().annotate("d", TruncMonth.of("publishedDate")), "d").toJson();
		assertThat(utc).doesNotContain("$dateTrunc").contains("-719468");
		QueryEngine paris = OfflineEngine.create(ZoneId.of("Europe/Paris"));
		QuerySet<Article> inParis = paris.objects(Article.class);
		assertThat(annotation(inParis.annotate("d", TruncDay.of("publishedDate")), "d"))
			.isEqualTo(expected(new Document("$cond", Arrays.asList(notNull("$publishedDate"),
					new Document("$dateTrunc", new Document("date", "$publishedDate").append("unit", "day")
						.append("timezone", "Europe/Paris")), null))));
		assertThat(annotation(inParis.annotate("w", TruncWeek.of("publishedDate")), "w").toJson())
			.contains("\"startOfWeek\": \"monday\"");
		assertThat(annotation(inParis.annotate("d", TruncDay.of("day")), "d").toJson())
			.as("a LocalDate is naive: UTC").doesNotContain("$dateTrunc");
	}

	@Test
	void aSubqueryIsALookupWithAPipelineBindingTheOuterReferences() {
		QuerySet<Post> posts = this.engine.objects(Post.class);
		QuerySet<?> latest = posts.filter("author", OuterRef.of("pk")).orderBy("-id").valuesList("title", String.class)
			.slice(0, 1);
		List<BsonDocument> pipeline = pipelineOf(this.engine.objects(Author.class).annotate("latest", Subquery.of(latest)));
		List<Bson> inner = List.of(
				new Document("$match", new Document("$expr", new Document("$and", Arrays.asList(notNull("$author_id"),
						notNull("$$djongoOuter_pk"), new Document("$eq", List.of("$author_id", "$$djongoOuter_pk")))))),
				Aggregates.sort(Sorts.descending("_id")), Aggregates.limit(1),
				Aggregates.project(new Document("_id", 0).append("v", new Document("$ifNull",
						Arrays.asList("$title", null)))),
				Aggregates.limit(2));
		assertThat(pipeline.get(0)).isEqualTo(bson(Aggregates.lookup("rel_post",
				List.of(new Variable<>("djongoOuter_pk", "$_id")), inner, "__djongo_sq0")));
		assertThat(pipeline.get(1).toJson()).contains("more than one row returned by a subquery used as an expression")
			.contains("{\"$arrayElemAt\": [\"$__djongo_sq0.v\", 0]}");
	}

	@Test
	void existsAndInAQuerySetFilterOnTheirLookups() {
		QuerySet<Post> posts = this.engine.objects(Post.class);
		QuerySet<Author> authors = this.engine.objects(Author.class);
		List<BsonDocument> exists = pipelineOf(authors.filter(Exists.of(posts.filter("author", OuterRef.of("pk")))));
		assertThat(exists.get(0).getDocument("$lookup").getArray("pipeline").subList(1, 3)).containsExactly(
				bson(Aggregates.limit(1)), bson(Aggregates.project(Projections.include("_id"))));
		assertThat(exists.get(1)).isEqualTo(bson(Aggregates.match(new Document("$expr", new Document("$eq",
				Arrays.asList(new Document("$gt", List.of(new Document("$size", "$__djongo_sq0"), 0)), true))))));
		List<BsonDocument> in = pipelineOf(authors.filter("pk__in", posts.filter("rating__gte", 4).values("author")));
		// an uncorrelated subquery: no let (the driver's builder writes an empty one)
		assertThat(in.get(0)).isEqualTo(bson(new Document("$lookup", new Document("from", "rel_post")
			.append("pipeline", List.of(Aggregates.match(Filters.gte("rating", 4)),
					Aggregates.project(new Document("_id", 0).append("v", "$author_id"))))
			.append("as", "__djongo_sq0"))));
		assertThat(in.get(1)).isEqualTo(bson(Aggregates.match(new Document("$expr", new Document("$and", List.of(
				notNull("$_id"), new Document("$in", List.of("$_id", "$__djongo_sq0.v"))))))));
	}

	@Test
	void valuesThenAnAggregateGroupByTheValuesAndShapeTheGroupsAsDocuments() {
		QuerySet<?> perAuthor = this.engine.objects(Post.class).values("author").annotate("c", Count.of("id"))
			.filter("c__gt", 1)
			.orderBy("-c");
		Document count = new Document("$sum", new Document("$cond", Arrays.asList(notNull("$_id"), 1, 0)));
		assertThat(pipelineOf(perAuthor)).containsExactly(
				bson(Aggregates.group(new Document("author_id", "$author_id"), new com.mongodb.client.model.BsonField(
						"__djongo_g0_0", count))),
				bson(Aggregates.replaceRoot(new Document("$mergeObjects",
						List.of("$_id", new Document("c", "$__djongo_g0_0"))))),
				bson(Aggregates.match(Filters.gt("c", 1))), bson(Aggregates.sort(Sorts.descending("c"))),
				bson(Aggregates.project(Projections.fields(Projections.include("author_id", "c"),
						Projections.excludeId()))));
	}

	@Test
	void valuesThroughAListUnwindItBeforeGroupingAsDjangosJoinMakesARowPerValue() {
		QuerySet<?> perTag = this.engine.objects(Post.class).values("tags").annotate("c", Count.of("id"));
		Document count = new Document("$sum", new Document("$cond", Arrays.asList(notNull("$_id"), 1, 0)));
		assertThat(pipelineOf(perTag)).startsWith(
				bson(Aggregates.unwind("$tags", new com.mongodb.client.model.UnwindOptions()
					.preserveNullAndEmptyArrays(true))),
				bson(Aggregates.group(new Document("tags", new Document("$ifNull", Arrays.asList("$tags", null))),
						new com.mongodb.client.model.BsonField("__djongo_g0_0", count))));
	}

	@Test
	void nullsArePlacedByAComputedKeySortedFirst() {
		Document key = new Document("$cond", Arrays.asList(notNull("$rating"), 1, 0));
		assertThat(pipelineOf(articles().orderBy(F.of("rating").asc().nullsLast()))).containsExactly(
				bson(Aggregates.addFields(new Field<>("__djongo_order0", key))),
				bson(Aggregates.sort(Sorts.orderBy(Sorts.descending("__djongo_order0"), Sorts.ascending("rating")))),
				bson(Aggregates.project(Projections.exclude("__djongo_order0"))));
		assertThat(articles().orderBy(F.of("rating").desc(), "title").command()).as("no placement: a find")
			.containsKey("find");
	}

}
