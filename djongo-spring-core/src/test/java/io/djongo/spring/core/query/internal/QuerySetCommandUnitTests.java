package io.djongo.spring.core.query.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.djongo.spring.core.bridge.DjongoOptions;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.test.DjongoTestConfiguration;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands QuerySets compile to, checked without a server: MongoDB's forms that the embedded server cannot
 * run (other time zones, pipeline updates) and the shapes the semantics rely on.
 */
class QuerySetCommandUnitTests {

	static final MongoClient offline = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=50");

	final DjongoTemplate template = DjongoTestConfiguration.template(offline, "unit");

	@AfterAll
	static void close() {
		offline.close();
	}

	QuerySet<Article> articles() {
		return this.template.objects(Article.class);
	}

	static Document filterOf(QuerySet<?> qs) {
		return (Document) qs.command().get("filter");
	}

	@Test
	void aPlainListingIsAFind() {
		assertThat(articles().filter("rating__gte", 3).orderBy("-publishedDate", "id").slice(5, 10).command())
			.isEqualTo(new Document("find", "qs_article").append("filter", new Document("rating", new Document("$gte", 3)))
				.append("sort", new Document("publishedDate", -1).append("_id", 1))
				.append("skip", 5L)
				.append("limit", 5L));
	}

	@Test
	void textLookupsAreEscapedRegularExpressions() {
		assertThat(filterOf(articles().filter("title__icontains", "a.b*c")))
			.isEqualTo(new Document("title", new BsonRegularExpression("a\\.b\\*c", "i")));
		assertThat(filterOf(articles().filter("title__startswith", "$x")))
			.isEqualTo(new Document("title", new BsonRegularExpression("^\\$x", "")));
		assertThat(filterOf(articles().filter("title__iendswith", "(x)")))
			.isEqualTo(new Document("title", new BsonRegularExpression("\\(x\\)\\z", "i")));
		assertThat(filterOf(articles().filter("title__iexact", "x")))
			.isEqualTo(new Document("title", new BsonRegularExpression("^x\\z", "i")));
	}

	@Test
	void exactValuesSitUnderEqSoDocumentsStayLiteral() {
		assertThat(filterOf(articles().filter("meta", Map.of("$gt", ""))))
			.isEqualTo(new Document("meta", new Document("$eq", new Document("$gt", ""))));
	}

	@Test
	void excludeIsNor() {
		assertThat(filterOf(articles().exclude("rating", 3, "views", 10))).isEqualTo(new Document("$nor",
				List.of(new Document("$and", List.of(new Document("rating", new Document("$eq", 3)),
						new Document("views", new Document("$eq", 10)))))));
	}

	@Test
	void conditionsOfOneFilterOnAListOfDocumentsShareAnElemMatch() {
		assertThat(filterOf(articles().filter(Q.of("blogs__name", "rock", "blogs__rating__gte", 4))))
			.isEqualTo(new Document("blogs", new Document("$elemMatch", new Document("$and", List.of(
					new Document("name", new Document("$eq", "rock")), new Document("rating", new Document("$gte", 4)))))));
	}

	@Test
	void yearIsARangeOnTheStoredField() {
		assertThat(filterOf(articles().filter("publishedDate__year", 2024)))
			.isEqualTo(new Document("publishedDate", new Document("$gte", Date.from(java.time.Instant.parse("2024-01-01T00:00:00Z")))
				.append("$lt", Date.from(java.time.Instant.parse("2025-01-01T00:00:00Z")))));
	}

	@Test
	void datePartsPassAnExplicitTimeZone() {
		Document expr = (Document) filterOf(articles().filter("publishedDate__month", 6)).get("$expr");
		assertThat(expr.toJson()).contains("\"$month\": {\"date\": {\"$ifNull\": [\"$publishedDate\"")
			.contains("\"timezone\": \"UTC\"");
	}

	@Test
	void otherTimeZonesUseMongoDbsOwnWeekOperators() {
		DjongoTemplate paris = DjongoTestConfiguration.template(offline, "unit",
				DjongoOptions.defaults().withTimeZone(ZoneId.of("Europe/Paris")));
		QuerySet<Article> articles = paris.objects(Article.class);
		String weekDay = filterOf(articles.filter("publishedDate__week_day", 1)).toJson();
		assertThat(weekDay).contains("\"$dayOfWeek\": {\"date\"").contains("\"timezone\": \"Europe/Paris\"");
		assertThat(filterOf(articles.filter("publishedDate__week", 1)).toJson()).contains("$isoWeek");
		assertThat(filterOf(articles.filter("publishedDate__iso_year", 2020)).toJson()).contains("$isoWeekYear");
		assertThat(filterOf(articles.filter("publishedDate__iso_week_day", 1)).toJson()).contains("$isoDayOfWeek");
		assertThat(filterOf(articles.filter("publishedDate__date__gt", "2024-01-01")).toJson())
			.contains("\"$gte\": {\"$date\": \"2024-01-01T23:00:00Z\"}");
		assertThat(filterOf(articles.filter("publishedDate__time", "10:00")).toJson()).contains("$millisecond");
	}

	@Test
	void fComparisonsAreGuardedAgainstNull() {
		assertThat(filterOf(articles().filter("views__gt", F.of("rating")))).isEqualTo(new Document("$expr",
				new Document("$and", List.of(new Document("$gt", Arrays.asList("$views", null)),
						new Document("$gt", Arrays.asList("$rating", null)),
						new Document("$gt", List.of("$views", "$rating"))))));
	}

	@Test
	void annotationsMakeAnAggregate() {
		Document command = articles().annotate("double", F.of("views").times(2)).filter("double__gt", 4).command();
		assertThat(command.getString("aggregate")).isEqualTo("qs_article");
		assertThat(command.getList("pipeline", Document.class)).containsExactly(
				new Document("$addFields", new Document("double", new Document("$multiply", List.of("$views", 2)))),
				new Document("$match", new Document("double", new Document("$gt", 4))));
	}

	@Test
	void knownEmptyQuerySetsHaveNoCommand() {
		assertThat(articles().filter("pk__in", List.of()).command()).isNull();
		assertThat(articles().none().command()).isNull();
		assertThat(articles().slice(0, 0).command()).isNull();
	}

	@Test
	void fArithmeticOnANullableFieldIsAPipelineUpdate() {
		QueryEngine engine = engine();
		QueryState state = QueryState.of(engine.models().metadata(Article.class));
		QueryWrites.Update update = new QueryWrites(engine).prepare(state,
				Map.of("rating", F.of("rating").plus(F.of("views"))));
		assertThat(update.isPipeline()).isTrue();
		assertThat(update.update()).isEqualTo(List.of(new Document("$set",
				new Document("rating", new Document("$add", List.of("$rating", "$views"))))));
	}

	@Test
	void fIncrementOfAPrimitiveIsInc() {
		QueryEngine engine = engine();
		QueryState state = QueryState.of(engine.models().metadata(Article.class));
		QueryWrites.Update update = new QueryWrites(engine).prepare(state,
				Map.of("views", F.of("views").plus(1)));
		assertThat(update.update()).isEqualTo(new Document("$inc", new Document("views", 1)));
	}

	private QueryEngine engine() {
		return new QueryEngine(this.template, new ModelRegistry(this.template.getConverter().getMappingContext()),
				ZoneOffset.UTC, false, UpdateValidator.NONE, (model, filter) -> {
					throw new AssertionError("nothing is deleted");
				});
	}

}
