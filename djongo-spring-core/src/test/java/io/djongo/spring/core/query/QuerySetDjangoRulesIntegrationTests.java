package io.djongo.spring.core.query;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoOptions;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.Max;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Django's rules that the issue names one by one and the other QuerySet tests do not reach: {@code pk} everywhere,
 * lookups as a map or as pairs, negated Qs inside combinations, F arithmetic, the time zone of date transforms, the
 * primary-key order of {@code first()}/{@code last()}, and the exact error messages.
 */
class QuerySetDjangoRulesIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = QuerySetFixtures.articles("rules");
	}

	static QuerySet<Article> articles() {
		return template.objects(Article.class).orderBy("id");
	}

	static List<Long> ids(QuerySet<Article> qs) {
		return qs.list().stream().map((a) -> a.id).toList();
	}

	@Test
	void pkIsAcceptedWhereverDjangoAcceptsIt() {
		assertThat(ids(template.objects(Article.class).orderBy("-pk"))).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
		assertThat(articles().filter("pk__lte", 2).values("pk", "title").list()).containsExactly(
				Map.of("pk", 1L, "title", "Django on MongoDB"), Map.of("pk", 2L, "title", "Spring data"));
		assertThat(articles().exclude("pk__in", List.of(1, 2)).valuesList("pk", Long.class).list())
			.containsExactly(3L, 4L, 5L, 6L);
		assertThat(articles().exclude("pk__range", List.of(1, 3)).aggregate(Count.of("pk"), Max.of("pk")))
			.containsEntry("pk__count", 3L)
			.containsEntry("pk__max", 6L);
		assertThat(ids(articles().filter("views__gt", F.of("pk").times(2)))).containsExactly(1L);
		assertThat(articles().only("pk", "title").get("pk", 2).title).isEqualTo("Spring data");
	}

	@Test
	void lookupsCanBeGivenAsAMapOrAsKeywordLikePairs() {
		assertThat(ids(articles().filter(Map.of("rating__gte", 3, "views__lt", 5)))).containsExactly(2L, 5L);
		assertThat(ids(articles().filter("rating__gte", 3, "views__lt", 5))).containsExactly(2L, 5L);
		assertThat(ids(articles().exclude(Map.of("rating__gte", 3, "views__lt", 5)))).containsExactly(1L, 3L, 4L, 6L);
		assertThat(ids(articles().exclude("rating__gte", 3, "views__lt", 5))).containsExactly(1L, 3L, 4L, 6L);
		assertThat(articles().get(Q.of("rating__gte", 3, "views__lt", 4)).id).isEqualTo(2L);
		assertThatIllegalArgumentException().isThrownBy(() -> articles().filter("rating", 3, "views"))
			.withMessage("Lookups and values must come in pairs, but 3 arguments were given");
		assertThatIllegalArgumentException().isThrownBy(() -> articles().filter("rating", 3, 7, 10))
			.withMessageContaining("Argument 3 must be a lookup name");
	}

	@Test
	void negatedQsNestInsideCombinations() {
		assertThat(ids(articles().filter(Q.of("rating__gte", 3).and(Q.of("title__icontains", "spring").not()))))
			.containsExactly(1L, 5L);
		// NOT (rating = 3 OR rating = 5) keeps the unrated article, as exclude does
		assertThat(ids(articles().filter(Q.of("rating", 3).or(Q.of("rating", 5)).not()))).containsExactly(3L, 4L, 5L, 6L);
		assertThat(ids(articles().exclude(Q.of("rating", 3).or(Q.of("rating", 5))))).containsExactly(3L, 4L, 5L, 6L);
		assertThat(ids(articles().filter(Q.of("rating__gt", 3).not().not()))).containsExactly(2L, 5L);
		assertThat(ids(articles().filter(Q.or(Q.of("rating__gt", 3), Q.of("views__gt", 3).not()))))
			.containsExactly(2L, 3L, 5L, 6L);
		assertThat(ids(articles().exclude(Q.of("rating__gte", 2).and(Q.of("blog__isnull", true).not()))))
			.containsExactly(3L, 4L, 5L, 6L);
	}

	@Test
	void fArithmeticIsNullInNullOut() {
		List<Map<String, Object>> rows = articles().annotate("perRating", F.of("views").div(F.of("rating")))
			.annotate("fewer", F.of("views").minus(1))
			.values("perRating", "fewer")
			.slice(0, 3)
			.list();
		// integer by integer truncates, as on PostgreSQL
		assertThat(rows.get(0)).containsEntry("perRating", 3);
		assertThat(rows.get(1)).containsEntry("perRating", 0);
		assertThat(rows.get(2)).containsEntry("perRating", null);
		assertThat(rows).extracting((row) -> ((Number) row.get("fewer")).intValue()).containsExactly(9, 2, -1);
	}

	@Test
	void dateTransformsUseUtcUnlessTheTemplateIsGivenAZone() {
		DjongoTemplate paris = QuerySetFixtures.articles("paris",
				DjongoOptions.defaults().withTimeZone(ZoneId.of("Europe/Paris")));
		QuerySet<Article> inParis = paris.objects(Article.class).orderBy("id");
		// 2023-12-31T23:59:59.250Z is already 2024 in Paris; 1969-12-31T23:00Z is 1970
		assertThat(ids(articles().filter("publishedDate__year", 2024))).containsExactly(1L, 2L);
		assertThat(ids(inParis.filter("publishedDate__year", 2024))).containsExactly(1L, 2L, 4L);
		assertThat(ids(inParis.filter("publishedDate__year", 1970))).containsExactly(6L);
		assertThat(ids(inParis.filter("publishedDate__date", "2024-01-01"))).containsExactly(4L);
		assertThat(ids(articles().filter("publishedDate__date", "2024-01-01"))).isEmpty();
		assertThat(ids(inParis.filter("publishedDate__hour", 11))).containsExactly(1L);
	}

	@Test
	void weekdaysWeeksAndTimesFollowTheTemplatesZoneOnEveryServer() {
		// from the zone's year, month and day: no $dayOfWeek (off by one on the embedded server) nor $isoWeek
		DjongoTemplate paris = QuerySetFixtures.articles("pariswk",
				DjongoOptions.defaults().withTimeZone(ZoneId.of("Europe/Paris")));
		QuerySet<Article> inParis = paris.objects(Article.class).orderBy("id");
		// article 4 is Monday 2024-01-01 00:59:59.250 in Paris: ISO week 1 of 2024
		assertThat(ids(inParis.filter("publishedDate__week_day", 2))).containsExactly(3L, 4L);
		assertThat(ids(inParis.filter("publishedDate__iso_week_day", 1))).containsExactly(3L, 4L);
		assertThat(ids(inParis.filter("publishedDate__week", 1).filter("publishedDate__iso_year", 2024)))
			.containsExactly(4L);
		assertThat(ids(inParis.filter("publishedDate__date__gte", "2024-01-01").filter("publishedDate__year__lt", 2025)))
			.containsExactly(1L, 2L, 4L);
		assertThat(ids(inParis.filter("publishedDate__time", "00:59:59.250"))).containsExactly(4L);
	}

	@Test
	void firstAndLastOfAnUnorderedQuerySetFollowThePrimaryKeyNotTheStoredOrder() {
		DjongoTemplate shuffled = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("shuffled"));
		shuffled.insertAll(List.of(new Article(3, "c"), new Article(1, "a"), new Article(2, "b")));
		QuerySet<Article> unordered = shuffled.objects(Article.class);
		assertThat(unordered.first()).get().extracting((a) -> a.title).isEqualTo("a");
		assertThat(unordered.last()).get().extracting((a) -> a.title).isEqualTo("c");
		QuerySet<Article> evaluated = shuffled.objects(Article.class);
		evaluated.list();
		assertThat(evaluated.first()).get().extracting((a) -> a.title).isEqualTo("a");
		assertThat(evaluated.last()).get().extracting((a) -> a.title).isEqualTo("c");
		assertThat(shuffled.objects(Article.class).orderBy("title").reverse().first()).get()
			.extracting((a) -> a.title)
			.isEqualTo("c");
	}

	@Test
	void getOfMoreThanTwentyDocumentsSaysMoreThanTwenty() {
		DjongoTemplate many = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("many"));
		List<Article> articles = new ArrayList<>();
		for (long id = 1; id <= 25; id++) {
			articles.add(new Article(id, "same"));
		}
		many.insertAll(articles);
		TestClients.recorder().clear();
		assertThatExceptionOfType(MultipleObjectsReturnedException.class)
			.isThrownBy(() -> many.objects(Article.class).get("title", "same"))
			.withMessage("get() returned more than one Article -- it returned more than 20!");
		assertThat(TestClients.recorder().commands()).singleElement()
			.satisfies((find) -> assertThat(find.getNumber("limit").longValue()).isEqualTo(21));
	}

	@Test
	void rangeWithoutTwoValuesNamesTheLookup() {
		for (Object bad : List.of(List.of(1), List.of(1, 2, 3), Arrays.asList(1, null), new int[0])) {
			assertThatExceptionOfType(InvalidLookupException.class)
				.isThrownBy(() -> articles().filter("rating__range", bad))
				.withMessageStartingWith("Article.rating__range: range needs exactly two non-null values (from, to)");
		}
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("publishedDate__year__range", List.of(2020)))
			.withMessageStartingWith("Article.publishedDate__year__range: range needs exactly two");
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().filter("rating__range", 5))
			.withMessage("Article.rating__range: the range lookup needs a collection or array of values, not 5");
	}

	@Test
	void aStringThatIsNotANumberIsRefusedByYearAndTheOtherDateParts() {
		assertThat(ids(articles().filter("publishedDate__year", "2024"))).containsExactly(1L, 2L);
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("publishedDate__year", "twenty"))
			.withMessage("Article.publishedDate__year expected a Integer but got 'twenty' (String)");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("publishedDate__year__gte", "soon"))
			.withMessageStartingWith("Article.publishedDate__year__gte expected a Integer");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("publishedDate__month", "june"))
			.withMessageStartingWith("Article.publishedDate__month expected a Integer");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("publishedDate__date", "yesterday"))
			.withMessageStartingWith("Article.publishedDate__date expected a LocalDate");
	}

	@Test
	void unknownLookupsListTheChoicesForTheFieldsType() {
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("title__foo", "x"))
			.withMessage("Unsupported lookup 'foo' for String field in 'Article.title__foo'. Choices are: contains, "
					+ "endswith, exact, gt, gte, icontains, iendswith, iexact, in, iregex, isnull, istartswith, lt, lte, "
					+ "range, regex, search, startswith");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("publishedDate__year__foo", 1))
			.withMessage("Unsupported lookup 'foo' for Integer field in 'Article.publishedDate__year__foo'. Choices are: "
					+ "exact, gt, gte, in, isnull, lt, lte, range");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("publishedDate__foo", 1))
			.withMessageContaining("Choices are: date, day, exact, gt, gte, hour, in, isnull, iso_week_day, iso_year, "
					+ "lt, lte, minute, month, quarter, range, second, time, week, week_day, year");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("rating__year", 2024))
			.withMessageStartingWith("Unsupported lookup 'year' for Integer field in 'Article.rating__year'");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().orderBy("title__icontains"))
			.withMessageContaining("lookups and transforms ('icontains') are not allowed here");
	}

	@Test
	void misuseIsRefusedWithWhatIsAllowed() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().values("title").inBulk(List.of(1L)))
			.withMessage("in_bulk() cannot be used with values() or values_list()");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().slice(0, 2).inBulk(List.of(1L)))
			.withMessage("Cannot use 'limit' or 'offset' with in_bulk().");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> articles().aggregate())
			.withMessage("aggregate() needs at least one aggregate");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().annotate("a__b", Count.of("tags")))
			.withMessageStartingWith("Invalid annotation name 'a__b' on Article");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("title__icontains", F.of("body")))
			.withMessage("Article.title__icontains: F() values work with exact, gt, gte, lt and lte, not icontains");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("views__gt", F.of("nope")))
			.withMessageStartingWith("Cannot resolve keyword 'nope' into field.");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("title__icontains", null))
			.withMessage("Cannot use None as a query value: Article.title__icontains (only exact and iexact accept null;"
					+ " use isnull)");
		assertThatIllegalArgumentException().isThrownBy(() -> F.of("views").plus("one"))
			.withMessage("Arithmetic takes numbers, durations or expressions, not one");
	}

}
