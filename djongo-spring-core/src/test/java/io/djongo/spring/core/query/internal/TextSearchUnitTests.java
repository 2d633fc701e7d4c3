package io.djongo.spring.core.query.internal;

import java.util.Map;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Place;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.functions.GeoDistance;
import io.djongo.spring.core.query.functions.TextScore;
import io.djongo.spring.core.relation.Author;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;

import static io.djongo.spring.core.query.internal.OfflineEngine.bson;
import static io.djongo.spring.core.query.internal.OfflineEngine.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The commands a text search compiles to, without a server (the embedded server has no {@code $text}), compared with
 * what the driver's {@link Filters#text} makes: the search string stays one literal {@code $search} value, phrases and
 * negation in MongoDB's own syntax, and the language is the index's (no {@code $language}).
 */
class TextSearchUnitTests {

	final QueryEngine engine = OfflineEngine.create();

	QuerySet<Place> places() {
		return this.engine.objects(Place.class);
	}

	@Test
	void aSearchLookupIsTextOnTheCollectionsIndex() {
		assertThat(FilterCompilerUnitTests.filterOf(places().filter("body__search", "mongo spring")))
			.isEqualTo(bson(Filters.text("mongo spring")));
		assertThat(FilterCompilerUnitTests.filterOf(places().filter("title__search", "mongo").filter("rating__gte", 3)))
			.isEqualTo(bson(Filters.and(Filters.text("mongo"), Filters.gte("rating", 3))));
		assertThat(FilterCompilerUnitTests.filterOf(places().search("mongo spring")))
			.as("search() is the same, on the model")
			.isEqualTo(bson(Filters.text("mongo spring")));
	}

	@Test
	void theSearchStringStaysOneLiteralValueWhateverItHolds() {
		String phraseAndNegation = "\"spring data\" mongo -java";
		assertThat(FilterCompilerUnitTests.filterOf(places().search(phraseAndNegation)))
			.as("MongoDB reads phrases and negation inside the string")
			.isEqualTo(bson(Filters.text(phraseAndNegation)));
		String injection = "x\"}, $where: \"sleep(1000)\", y: {\"$gt\": \"";
		BsonDocument filter = FilterCompilerUnitTests.filterOf(places().filter("body__search", injection));
		assertThat(filter).isEqualTo(bson(Filters.text(injection)));
		assertThat(filter.keySet()).containsExactly("$text");
		assertThat(filter.getDocument("$text").keySet()).as("no $language, $caseSensitive...: the index decides")
			.containsExactly("$search");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter("body__search", Map.of("$where", "1")))
			.withMessageContaining("Place.body__search: the search lookup needs a string");
	}

	@Test
	void theScoreIsAnAnnotationToOrderBy() {
		QuerySet<Place> ranked = places().search("mongo").annotate("score", TextScore.of()).orderBy("-score");
		assertThat(QueryPlanUnitTests.pipelineOf(ranked)).containsExactly(bson(Aggregates.match(Filters.text("mongo"))),
				bson(Aggregates.addFields(new com.mongodb.client.model.Field<>("score",
						new org.bson.Document("$meta", "textScore")))),
				bson(Aggregates.sort(Sorts.descending("score"))));
		assertThat(bson(plan(ranked).countCommand().pipeline())).first()
			.as("count keeps $text in the first stage")
			.isEqualTo(bson(Aggregates.match(Filters.text("mongo"))));
	}

	@Test
	void whatMongoDbsOneTextSearchCannotDoFailsClearly() {
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter("notes__search", "mongo"))
			.withMessageContaining("Place.notes__search: 'notes' is not in Place's text index (its @TextIndexed fields: "
					+ "title, body)");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().search("mongo").filter("body__search", "spring"))
			.withMessageContaining("Place: one text search per QuerySet");
		assertThatExceptionOfType(InvalidLookupException.class)
			.as("two searches in one filter() call: MongoDB refuses a second $text in one query")
			.isThrownBy(() -> places().filter(Q.of("title__search", "mongo").and(Q.of("body__search", "spring"))))
			.withMessageContaining("Place: one text search per QuerySet");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter(Map.of("title__search", "mongo", "body__search", "spring")))
			.withMessageContaining("Place: one text search per QuerySet");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().exclude("body__search", "mongo"))
			.withMessageContaining("the search lookup cannot be negated, excluded or combined with OR");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().filter(Q.of("body__search", "mongo").or(Q.of("rating", 1))))
			.withMessageContaining("cannot be negated, excluded or combined with OR");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().search("mongo").annotate("d", GeoDistance.of("location", new GeoJsonPoint(1, 2))))
			.withMessageContaining("a text search cannot be combined with near or GeoDistance");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> this.engine.objects(Author.class).filter("posts__title__search", "mongo"))
			.withMessageContaining("works on the model's own fields, not through a relation");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> places().annotate("score", TextScore.of()).command())
			.withMessageContaining("Place: TextScore needs a text search in the same QuerySet");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> places().filter("pk__in", places().search("mongo").values("id")))
			.withMessageContaining("with a text search cannot be used in a subquery");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> places().annotate("n",
					io.djongo.spring.core.query.aggregate.Count.of("id").filter(Q.of("body__search", "y"))))
			.withMessageContaining("works in filter() and exclude() only");
	}

	@Test
	void refusalsNameWhatIsMissing() {
		Command.Read command = plan(places().search("mongo")).listing().command();
		RuntimeException noIndex = new MongoCommandException(BsonDocument.parse("{ok: 0, code: 27, codeName: "
				+ "'IndexNotFound', errmsg: 'text index required for $text query'}"), new ServerAddress());
		assertThat(ServerErrors.translate(noIndex, "Place", command))
			.isInstanceOf(InvalidDataAccessResourceUsageException.class)
			.hasMessageContaining("Place: a text search needs a text index: add @TextIndexed to the fields to search");
		RuntimeException embedded = new MongoCommandException(BsonDocument.parse("{ok: 0, code: 2, codeName: "
				+ "'BadValue', errmsg: 'unknown operator: $search'}"), new ServerAddress());
		assertThat(ServerErrors.translate(embedded, "Place", command))
			.hasMessageStartingWith("Place: needs a real MongoDB: $text is not supported by this server");
	}

}
