package io.djongo.spring.core.query.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import static io.djongo.spring.core.query.internal.OfflineEngine.bson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The filters lookups, transforms, Q combinations and F values compile to, without a server, compared with what the
 * driver's {@link Filters} builders make.
 */
class FilterCompilerUnitTests {

	final QueryEngine engine = OfflineEngine.create();

	QuerySet<Article> articles() {
		return this.engine.objects(Article.class);
	}

	/** The filter of a QuerySet a find answers. */
	static BsonDocument filterOf(QuerySet<?> qs) {
		Document command = qs.command();
		assertThat(command).isNotNull().containsKey("find");
		return bson((Bson) command.get("filter"));
	}

	/** {@code {field: {$eq: value}}}: the driver's {@code Filters.eq} has no explicit form. */
	static Bson eq(String field, Object value) {
		return new Document(field, new Document("$eq", value));
	}

	static Date date(String instant) {
		return Date.from(Instant.parse(instant));
	}

	@Test
	void comparisonsSitUnderTheirOperator() {
		assertThat(filterOf(articles().filter("rating", 3))).isEqualTo(bson(eq("rating", 3)));
		assertThat(filterOf(articles().filter("rating__exact", 3))).isEqualTo(bson(eq("rating", 3)));
		assertThat(filterOf(articles().filter("rating__gt", 3))).isEqualTo(bson(Filters.gt("rating", 3)));
		assertThat(filterOf(articles().filter("rating__gte", 3))).isEqualTo(bson(Filters.gte("rating", 3)));
		assertThat(filterOf(articles().filter("rating__lt", 3))).isEqualTo(bson(Filters.lt("rating", 3)));
		assertThat(filterOf(articles().filter("rating__lte", 3))).isEqualTo(bson(Filters.lte("rating", 3)));
	}

	@Test
	void valuesAreConvertedToTheFieldsStoredType() {
		assertThat(filterOf(articles().filter("rating", "3"))).isEqualTo(bson(eq("rating", 3)));
		assertThat(filterOf(articles().filter("title", 42))).isEqualTo(bson(eq("title", "42")));
		assertThat(filterOf(articles().filter("publishedDate__gte", "2024-03-01")))
			.isEqualTo(bson(Filters.gte("publishedDate", date("2024-03-01T00:00:00Z"))));
		assertThat(filterOf(articles().filter("status", Article.Status.DRAFT))).isEqualTo(bson(eq("status", "DRAFT")));
		assertThat(filterOf(articles().filter("body", "x"))).as("the stored name").isEqualTo(bson(eq("text", "x")));
		assertThat(filterOf(articles().filter("pk", 7))).isEqualTo(bson(eq("_id", 7L)));
	}

	@Test
	void exactValuesStayLiteralEvenDocumentsWithOperatorKeys() {
		assertThat(filterOf(articles().filter("meta", Map.of("$gt", ""))))
			.isEqualTo(bson(eq("meta", new Document("$gt", ""))));
	}

	@Test
	void inIgnoresNullsAndAnEmptyInMatchesNothingWithoutACommand() {
		assertThat(filterOf(articles().filter("rating__in", Arrays.asList(1, null, 2))))
			.isEqualTo(bson(Filters.in("rating", 1, 2)));
		assertThat(filterOf(articles().filter("rating__in", new int[] { 1, 2 }))).isEqualTo(bson(Filters.in("rating", 1, 2)));
		assertThat(articles().filter("rating__in", List.of()).command()).isNull();
		assertThat(filterOf(articles().exclude("rating__in", List.of()))).isEqualTo(new BsonDocument());
	}

	@Test
	void rangeIncludesBothBounds() {
		assertThat(filterOf(articles().filter("rating__range", List.of(2, 4))))
			.isEqualTo(bson(new Document("rating", new Document("$gte", 2).append("$lte", 4))));
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("rating__range", List.of(2)));
	}

	@Test
	void nullMeansIsNullAndIsNullIsEqOrNeNull() {
		assertThat(filterOf(articles().filter("rating", null))).isEqualTo(bson(eq("rating", BsonNull.VALUE)));
		assertThat(filterOf(articles().filter("rating__isnull", true))).isEqualTo(bson(eq("rating", BsonNull.VALUE)));
		assertThat(filterOf(articles().filter("rating__isnull", false))).isEqualTo(bson(Filters.ne("rating", null)));
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("title__icontains", null));
	}

	@Test
	void textLookupsAreEscapedRegularExpressions() {
		assertThat(filterOf(articles().filter("title__contains", "a.b*c")))
			.isEqualTo(bson(Filters.regex("title", "a\\.b\\*c")));
		assertThat(filterOf(articles().filter("title__icontains", "a.b*c")))
			.isEqualTo(bson(Filters.regex("title", "a\\.b\\*c", "i")));
		assertThat(filterOf(articles().filter("title__startswith", "$x"))).isEqualTo(bson(Filters.regex("title", "^\\$x")));
		assertThat(filterOf(articles().filter("title__istartswith", "x"))).isEqualTo(bson(Filters.regex("title", "^x", "i")));
		assertThat(filterOf(articles().filter("title__endswith", "(x)")))
			.isEqualTo(bson(Filters.regex("title", "\\(x\\)\\z")));
		assertThat(filterOf(articles().filter("title__iendswith", "(x)")))
			.isEqualTo(bson(Filters.regex("title", "\\(x\\)\\z", "i")));
		assertThat(filterOf(articles().filter("title__iexact", "x"))).isEqualTo(bson(Filters.regex("title", "^x\\z", "i")));
	}

	@Test
	void regexLookupsAreRegularExpressionsAsGivenAndCheckedFirst() {
		assertThat(filterOf(articles().filter("title__regex", "^D.*B$"))).isEqualTo(bson(Filters.regex("title", "^D.*B$")));
		assertThat(filterOf(articles().filter("title__iregex", "^d"))).isEqualTo(bson(Filters.regex("title", "^d", "i")));
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().filter("title__regex", "(x"));
	}

	@Test
	void textLookupsApplyToStringsOnly() {
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("rating__icontains", "1"))
			.withMessageContaining("Choices are: exact, gt, gte, in, isnull, lt, lte, range");
	}

	@Test
	void excludeIsNor() {
		assertThat(filterOf(articles().exclude("rating", 3, "views", 10)))
			.isEqualTo(bson(Filters.nor(Filters.and(eq("rating", 3), eq("views", 10)))));
	}

	@Test
	void qCombinesWithAndOrAndNot() {
		Q good = Q.of("rating__gte", 4);
		Q popular = Q.of("views__gt", 100);
		assertThat(filterOf(articles().filter(good.or(popular)))).isEqualTo(bson(Filters.or(Filters.gte("rating", 4),
				Filters.gt("views", 100))));
		assertThat(filterOf(articles().filter(good.and(popular.not()))))
			.isEqualTo(bson(Filters.and(Filters.gte("rating", 4), Filters.nor(Filters.gt("views", 100)))));
		assertThat(filterOf(articles().filter(good.not().not()))).as("a double negation cancels")
			.isEqualTo(bson(Filters.gte("rating", 4)));
		assertThat(filterOf(articles().filter(Q.or(good, popular).not())))
			.isEqualTo(bson(Filters.nor(Filters.or(Filters.gte("rating", 4), Filters.gt("views", 100)))));
	}

	@Test
	void successiveFiltersAreOneAnd() {
		assertThat(filterOf(articles().filter("rating__gte", 3).filter("title__startswith", "D").exclude("views", 0)))
			.isEqualTo(bson(Filters.and(Filters.gte("rating", 3), Filters.regex("title", "^D"),
					Filters.nor(eq("views", 0)))));
	}

	@Test
	void conditionsOfOneFilterOnAListOfDocumentsShareAnElemMatch() {
		assertThat(filterOf(articles().filter(Q.of("blogs__name", "rock", "blogs__rating__gte", 4))))
			.isEqualTo(bson(Filters.elemMatch("blogs", Filters.and(eq("name", "rock"), Filters.gte("rating", 4)))));
		assertThat(filterOf(articles().filter("blogs__name", "rock").filter("blogs__rating__gte", 4)))
			.as("two filter calls: any element each")
			.isEqualTo(bson(Filters.and(eq("blogs.name", "rock"), Filters.gte("blogs.rating", 4))));
		assertThat(filterOf(articles().exclude(Q.of("blogs__name", "rock", "blogs__rating__gte", 4))))
			.as("under a negation, no same-element rule, as Django")
			.isEqualTo(bson(Filters.nor(Filters.and(eq("blogs.name", "rock"), Filters.gte("blogs.rating", 4)))));
	}

	@Test
	void embeddedFieldsMapKeysAndListsOfValuesAreDottedPaths() {
		assertThat(filterOf(articles().filter("blog__name", "Beatles"))).isEqualTo(bson(eq("blog.name", "Beatles")));
		assertThat(filterOf(articles().filter("meta__color", "red"))).isEqualTo(bson(eq("meta.color", "red")));
		assertThat(filterOf(articles().filter("tags", "java"))).isEqualTo(bson(eq("tags", "java")));
		assertThat(filterOf(articles().filter("tags", List.of("java", "spring"))))
			.as("a whole list compares as a list").isEqualTo(bson(eq("tags", List.of("java", "spring"))));
		assertThat(filterOf(articles().filter("blog__isnull", true))).isEqualTo(bson(eq("blog", BsonNull.VALUE)));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("meta__a.b", 1));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("blog__gt", "x"));
	}

	@Test
	void yearAndDateAreRangesOnTheStoredField() {
		assertThat(filterOf(articles().filter("publishedDate__year", 2024))).isEqualTo(bson(new Document("publishedDate",
				new Document("$gte", date("2024-01-01T00:00:00Z")).append("$lt", date("2025-01-01T00:00:00Z")))));
		assertThat(filterOf(articles().filter("publishedDate__year__gt", 2024)))
			.isEqualTo(bson(Filters.gte("publishedDate", date("2025-01-01T00:00:00Z"))));
		assertThat(filterOf(articles().filter("publishedDate__year__lte", 2024)))
			.isEqualTo(bson(Filters.lt("publishedDate", date("2025-01-01T00:00:00Z"))));
		assertThat(filterOf(articles().filter("publishedDate__date__lt", "2024-03-01")))
			.isEqualTo(bson(Filters.lt("publishedDate", date("2024-03-01T00:00:00Z"))));
		assertThat(filterOf(articles().filter("publishedDate__year__in", List.of(2020, 2024)))).isEqualTo(bson(Filters.or(
				new Document("publishedDate",
						new Document("$gte", date("2020-01-01T00:00:00Z")).append("$lt", date("2021-01-01T00:00:00Z"))),
				new Document("publishedDate",
						new Document("$gte", date("2024-01-01T00:00:00Z")).append("$lt", date("2025-01-01T00:00:00Z"))))));
		assertThat(filterOf(articles().filter("publishedDate__year__range", List.of(2020, 2021))))
			.isEqualTo(bson(new Document("publishedDate",
					new Document("$gte", date("2020-01-01T00:00:00Z")).append("$lt", date("2022-01-01T00:00:00Z")))));
	}

	@Test
	void otherTransformsAreGuardedExpressionsWithAnExplicitTimeZone() {
		Document month = new Document("$month",
				new Document("date", new Document("$ifNull", Arrays.asList("$publishedDate", new Date(0))))
					.append("timezone", "UTC"));
		assertThat(filterOf(articles().filter("publishedDate__month", 6))).isEqualTo(bson(Filters.expr(new Document("$and",
				List.of(new Document("$gt", Arrays.asList("$publishedDate", null)), new Document("$eq", List.of(month, 6)))))));
		assertThat(filterOf(articles().filter("publishedDate__isnull", true)))
			.isEqualTo(bson(eq("publishedDate", BsonNull.VALUE)));
	}

	@Test
	void weekdaysInUtcAreArithmeticOnEpochDaysThatEveryServerRuns() {
		String weekDay = filterOf(articles().filter("publishedDate__week_day", 1)).toJson();
		assertThat(weekDay).contains("$toLong").contains("$mod").doesNotContain("$dayOfWeek");
		String time = filterOf(articles().filter("publishedDate__time__gte", "10:00")).toJson();
		assertThat(time).contains("36000000").doesNotContain("$hour");
	}

	@Test
	void otherTimeZonesComputeWeekdaysFromTheZonesCalendarDayOnEveryServer() {
		QueryEngine paris = OfflineEngine.create(ZoneId.of("Europe/Paris"));
		QuerySet<Article> articles = paris.objects(Article.class);
		String weekDay = filterOf(articles.filter("publishedDate__week_day", 1)).toJson();
		assertThat(weekDay).contains("\"$dayOfMonth\": {\"date\"").contains("\"timezone\": \"Europe/Paris\"")
			.contains("-719468")
			.doesNotContain("$dayOfWeek");
		for (String lookup : List.of("week", "iso_year", "iso_week_day", "date__gt", "time")) {
			String filter = filterOf(articles.filter("publishedDate__" + lookup,
					lookup.equals("time") ? "10:00" : lookup.equals("date__gt") ? "2024-01-01" : 1)).toJson();
			assertThat(filter).as(lookup).doesNotContain("$isoWeek").doesNotContain("$isoDayOfWeek")
				.doesNotContain("$dateTrunc").doesNotContain("$millisecond");
		}
		assertThat(filterOf(articles.filter("publishedDate__date__gt", "2024-01-01")))
			.as("the day starts at midnight in Paris").isEqualTo(bson(Filters.gte("publishedDate",
					date("2024-01-01T23:00:00Z"))));

	}

	@Test
	void transformsApplyToDatesOnlyAndChain() {
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("title__year", 2024));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("day__hour", 1))
			.withMessageContaining("Choices are: day, exact, gt, gte, in, isnull, iso_week_day, iso_year, lt, lte, month, "
					+ "quarter, range, week, week_day, year");
		assertThat(filterOf(articles().filter("publishedDate__date__year", 2024)).toJson())
			.as("a transform of a transform is an expression").contains("$expr");
	}

	@Test
	void fComparisonsAreGuardedAgainstNull() {
		assertThat(filterOf(articles().filter("views__gt", F.of("rating")))).isEqualTo(bson(Filters.expr(new Document("$and",
				List.of(new Document("$gt", Arrays.asList("$views", null)), new Document("$gt", Arrays.asList("$rating", null)),
						new Document("$gt", List.of("$views", "$rating")))))));
		assertThat(filterOf(articles().filter("views__lte", F.of("rating").times(2).plus(1))).toJson())
			.contains("{\"$add\": [{\"$multiply\": [\"$rating\", 2]}, 1]}");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("title__icontains", F.of("body")));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("views__gt", F.of("nope")));
	}

	@Test
	void fComparisonsThroughAListHoldForSomeElement() {
		// Django's join finds a row when one element compares; $filter and $size run on every server
		Document some = new Document("$filter", new Document("input", new Document("$ifNull", Arrays.asList("$tags",
				List.of()))).append("as", "djongoItem")
			.append("cond", new Document("$and", List.of(new Document("$gt", Arrays.asList("$$djongoItem", null)),
					new Document("$gt", Arrays.asList("$title", null)),
					new Document("$eq", List.of("$$djongoItem", "$title"))))));
		assertThat(filterOf(articles().filter("tags", F.of("title"))))
			.isEqualTo(bson(Filters.expr(new Document("$gt", List.of(new Document("$size", some), 0)))));
	}

	@Test
	void badLookupsFailWhereTheyAreWritten() {
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("titel", "x"))
			.withMessageStartingWith("Cannot resolve keyword 'titel' into field. Choices are: blog, blogs, body, day, id,");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("title__foo", "x"));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("title__", "x"));
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().filter("views", "many"));
	}

}
