package io.djongo.spring.core.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.test.TestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every Django lookup and transform against the server, with the edges Django defines.
 */
class QuerySetLookupIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = QuerySetFixtures.articles("lookups");
	}

	static QuerySet<Article> articles() {
		return template.objects(Article.class).orderBy("id");
	}

	static List<Long> ids(QuerySet<Article> qs) {
		return qs.list().stream().map((a) -> a.id).toList();
	}

	static List<Long> filter(String lookup, Object value) {
		return ids(articles().filter(lookup, value));
	}

	static List<Long> exclude(String lookup, Object value) {
		return ids(articles().exclude(lookup, value));
	}

	@Nested
	class Exact {

		@Test
		void matchesEqualValues() {
			assertThat(filter("title", "Spring data")).containsExactly(2L);
			assertThat(filter("title__exact", "spring data")).isEmpty();
			assertThat(filter("rating", 3)).containsExactly(1L);
		}

		@Test
		void nullMeansIsNull() {
			assertThat(filter("rating", null)).containsExactly(3L);
			assertThat(filter("rating__exact", null)).containsExactly(3L);
			assertThat(filter("rating__iexact", null)).containsExactly(3L);
			assertThat(exclude("rating", null)).containsExactly(1L, 2L, 4L, 5L, 6L);
		}

		@Test
		void pkNamesTheId() {
			assertThat(filter("pk", 2L)).containsExactly(2L);
			assertThat(filter("pk__in", List.of(1, 3))).containsExactly(1L, 3L);
			assertThat(filter("pk__gt", 4)).containsExactly(5L, 6L);
		}

		@Test
		void convertsValuesToTheFieldType() {
			assertThat(filter("rating", "5")).containsExactly(2L);
			assertThat(filter("status", "DRAFT")).containsExactly(2L);
			assertThat(filter("status", Article.Status.PUBLISHED)).containsExactly(1L);
			assertThat(filter("price", new BigDecimal("5.00"))).containsExactly(2L);
			assertThat(filter("price__gt", "10")).containsExactly(1L);
			assertThat(filter("day", "2024-03-01")).containsExactly(1L);
		}

		@Test
		void aStoredNameDifferentFromThePropertyIsUsed() {
			assertThat(filter("body", "ÉCOLE")).containsExactly(2L);
		}

	}

	@Nested
	class Text {

		@Test
		void iexactFoldsCaseOverUnicode() {
			assertThat(filter("title__iexact", "django ON mongodb")).containsExactly(1L);
			assertThat(filter("body__iexact", "über ALLES")).containsExactly(1L);
			assertThat(filter("body__iexact", "école")).containsExactly(2L);
			assertThat(filter("title__iexact", "django")).isEmpty();
		}

		@Test
		void sharpSIsNotExpanded() {
			assertThat(filter("body__iexact", "STRASSE")).isEmpty();
			assertThat(filter("body__icontains", "STRAßE")).containsExactly(3L);
		}

		@Test
		void containsIsCaseSensitiveAndIcontainsIsNot() {
			assertThat(filter("title__contains", "Mongo")).containsExactly(1L);
			assertThat(filter("title__contains", "mongo")).isEmpty();
			assertThat(filter("title__icontains", "mongo")).containsExactly(1L);
			assertThat(filter("body__icontains", "ÜBER")).containsExactly(1L);
		}

		@Test
		void emptyContainsMatchesEveryNonNullValue() {
			assertThat(filter("title__contains", "")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
			assertThat(filter("body__contains", "")).containsExactly(1L, 2L, 3L, 4L);
		}

		@Test
		void regexMetacharactersAreLiteral() {
			assertThat(filter("title__contains", "a.b*c")).containsExactly(4L);
			assertThat(filter("title__contains", ".")).containsExactly(4L);
			assertThat(filter("title__contains", "(literal)")).containsExactly(4L);
			assertThat(filter("title__startswith", "$")).containsExactly(5L);
			assertThat(filter("title__icontains", ".*")).isEmpty();
			assertThat(filter("title__endswith", "$")).isEmpty();
		}

		@Test
		void whitespaceIsNeverTrimmed() {
			assertThat(filter("body__startswith", "   sp")).containsExactly(4L);
			assertThat(filter("body__endswith", "d  ")).containsExactly(4L);
			assertThat(filter("body__exact", "spaced")).isEmpty();
			assertThat(filter("body__iexact", "   SPACED  ")).containsExactly(4L);
		}

		@Test
		void startsAndEndsWith() {
			assertThat(filter("title__startswith", "Dj")).containsExactly(1L);
			assertThat(filter("title__startswith", "dj")).isEmpty();
			assertThat(filter("title__istartswith", "dj")).containsExactly(1L);
			assertThat(filter("title__endswith", "data")).containsExactly(2L);
			assertThat(filter("title__endswith", "DATA")).isEmpty();
			assertThat(filter("title__iendswith", "DATA")).containsExactly(2L);
		}

		@Test
		void regexSearchesAnywhereInTheValue() {
			assertThat(filter("title__regex", "r.ng")).containsExactly(2L);
			assertThat(filter("title__regex", "^Spring$")).isEmpty();
			assertThat(filter("title__iregex", "MONGO")).containsExactly(1L);
			assertThat(filter("body__iregex", "^über")).containsExactly(1L);
		}

	}

	@Nested
	class Comparisons {

		@Test
		void greaterAndLess() {
			assertThat(filter("rating__gt", 3)).containsExactly(2L, 5L);
			assertThat(filter("rating__gte", 3)).containsExactly(1L, 2L, 5L);
			assertThat(filter("rating__lt", 3)).containsExactly(4L, 6L);
			assertThat(filter("rating__lte", 3)).containsExactly(1L, 4L, 6L);
		}

		@Test
		void excludeKeepsNullsSoItDiffersFromTheOppositeFilter() {
			assertThat(exclude("rating__gt", 3)).containsExactly(1L, 3L, 4L, 6L);
			assertThat(filter("rating__lte", 3)).doesNotContain(3L);
			assertThat(exclude("rating", 3)).contains(3L);
		}

		@Test
		void rangeIncludesBothBounds() {
			assertThat(filter("rating__range", List.of(2, 4))).containsExactly(1L, 5L, 6L);
			assertThat(filter("rating__range", new int[] { 5, 5 })).containsExactly(2L);
		}

		@Test
		void inIgnoresNullAndEmptyMatchesNothingWithoutARoundTrip() {
			assertThat(filter("rating__in", List.of(3, 5))).containsExactly(1L, 2L);
			assertThat(filter("rating__in", Arrays.asList(3, null))).containsExactly(1L);
			TestClients.recorder().clear();
			assertThat(filter("rating__in", List.of())).isEmpty();
			assertThat(articles().filter("rating__in", Arrays.asList((Object) null)).count()).isZero();
			assertThat(TestClients.recorder().count()).isZero();
			assertThat(exclude("rating__in", List.of())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		}

		@Test
		void isnull() {
			assertThat(filter("rating__isnull", true)).containsExactly(3L);
			assertThat(filter("rating__isnull", false)).containsExactly(1L, 2L, 4L, 5L, 6L);
			assertThat(filter("body__isnull", true)).containsExactly(5L, 6L);
		}

	}

	@Nested
	class Dates {

		@Test
		void year() {
			assertThat(filter("publishedDate__year", 2024)).containsExactly(1L, 2L);
			assertThat(filter("publishedDate__year__gte", 2024)).containsExactly(1L, 2L, 3L);
			assertThat(filter("publishedDate__year__gt", 2024)).containsExactly(3L);
			assertThat(filter("publishedDate__year__lt", 2024)).containsExactly(4L, 5L, 6L);
			assertThat(filter("publishedDate__year__lte", 2023)).containsExactly(4L, 5L, 6L);
			assertThat(filter("publishedDate__year__in", List.of(2023, 2025))).containsExactly(3L, 4L);
			assertThat(filter("publishedDate__year__range", List.of(2021, 2023))).containsExactly(4L, 5L);
			assertThat(filter("publishedDate__year", "1969")).containsExactly(6L);
			assertThat(filter("day__year", 2024)).containsExactly(1L);
		}

		@Test
		void dateMatchesTheWholeDay() {
			assertThat(filter("publishedDate__date", LocalDate.of(2023, 12, 31))).containsExactly(4L);
			assertThat(filter("publishedDate__date", "2024-06-15")).containsExactly(2L);
			assertThat(filter("publishedDate__date__gt", LocalDate.of(2024, 6, 15))).containsExactly(3L);
			assertThat(filter("publishedDate__date__gte", LocalDate.of(2024, 6, 15))).containsExactly(2L, 3L);
			assertThat(filter("publishedDate__date__lt", LocalDate.of(2021, 1, 3))).containsExactly(6L);
			assertThat(filter("publishedDate__date__lte", LocalDate.of(2021, 1, 3))).containsExactly(5L, 6L);
		}

		@Test
		void timeIsExactToTheMillisecond() {
			assertThat(filter("publishedDate__time", LocalTime.of(23, 59, 59))).isEmpty();
			assertThat(filter("publishedDate__time", LocalTime.of(23, 59, 59, 250_000_000))).containsExactly(4L);
			assertThat(filter("publishedDate__time", "10:00")).containsExactly(1L);
			assertThat(filter("publishedDate__time__gte", LocalTime.of(17, 0))).containsExactly(3L, 4L, 6L);
		}

		@Test
		void calendarParts() {
			assertThat(filter("publishedDate__month", 6)).containsExactly(2L);
			assertThat(filter("publishedDate__month__in", List.of(1, 12))).containsExactly(3L, 4L, 5L, 6L);
			assertThat(filter("publishedDate__day", 31)).containsExactly(4L, 6L);
			assertThat(filter("publishedDate__quarter", 1)).containsExactly(1L, 3L, 5L);
			assertThat(filter("publishedDate__quarter", 4)).containsExactly(4L, 6L);
			assertThat(filter("publishedDate__hour", 23)).containsExactly(4L, 6L);
			assertThat(filter("publishedDate__minute", 59)).containsExactly(4L);
			assertThat(filter("publishedDate__second", 59)).containsExactly(4L);
			assertThat(filter("publishedDate__hour__lt", 9)).containsExactly(2L, 5L);
		}

		@Test
		void weekDayCountsFromSunday() {
			assertThat(filter("publishedDate__week_day", 1)).containsExactly(4L, 5L);
			assertThat(filter("publishedDate__week_day", 2)).containsExactly(3L);
			assertThat(filter("publishedDate__week_day", 4)).containsExactly(6L);
			assertThat(filter("publishedDate__week_day", 6)).containsExactly(1L);
			assertThat(filter("publishedDate__week_day", 7)).containsExactly(2L);
		}

		@Test
		void isoWeekDayCountsFromMonday() {
			assertThat(filter("publishedDate__iso_week_day", 1)).containsExactly(3L);
			assertThat(filter("publishedDate__iso_week_day", 3)).containsExactly(6L);
			assertThat(filter("publishedDate__iso_week_day", 7)).containsExactly(4L, 5L);
			assertThat(filter("publishedDate__iso_week_day__gte", 6)).containsExactly(2L, 4L, 5L);
		}

		@Test
		void weekAndIsoYearFollowIso8601() {
			assertThat(filter("publishedDate__week", 9)).containsExactly(1L);
			assertThat(filter("publishedDate__week", 52)).containsExactly(4L);
			assertThat(filter("publishedDate__week", 53)).containsExactly(5L);
			assertThat(filter("publishedDate__week", 1)).containsExactly(6L);
			assertThat(filter("publishedDate__iso_year", 2020)).containsExactly(5L);
			assertThat(filter("publishedDate__iso_year", 2023)).containsExactly(4L);
			assertThat(filter("publishedDate__iso_year", 1970)).containsExactly(6L);
			assertThat(filter("publishedDate__year", 2021)).containsExactly(5L);
		}

		@Test
		void transformsNeverMatchNullDates() {
			template.insert(new Article(99, "No date"));
			try {
				assertThat(filter("publishedDate__month__lt", 13)).doesNotContain(99L);
				assertThat(exclude("publishedDate__month", 6)).contains(99L);
			}
			finally {
				template.objects(Article.class).filter("pk", 99).delete();
			}
		}

	}

	@Nested
	class Paths {

		@Test
		void embeddedFields() {
			assertThat(filter("blog__name", "Beatles")).containsExactly(1L);
			assertThat(filter("blog__rating__gt", 3)).containsExactly(1L);
			assertThat(filter("blog__isnull", true)).containsExactly(3L, 4L, 5L, 6L);
			assertThat(filter("blog__name__icontains", "STONE")).containsExactly(2L);
		}

		@Test
		void arraysOfEmbeddedDocumentsMatchAnyElement() {
			assertThat(filter("blogs__name", "polo")).containsExactly(2L);
			assertThat(filter("blogs__name__startswith", "p")).containsExactly(1L, 2L);
			assertThat(filter("blogs__rating__gte", 4)).containsExactly(1L);
		}

		@Test
		void conditionsOfOneFilterHoldForTheSameElement() {
			assertThat(ids(articles().filter(Map.of("blogs__name", "rock", "blogs__rating", 4)))).isEmpty();
			assertThat(ids(articles().filter("blogs__name", "rock").filter("blogs__rating", 4))).containsExactly(1L);
			assertThat(ids(articles().filter(Q.of("blogs__name__startswith", "p", "blogs__rating__lt", 2))))
				.containsExactly(2L);
		}

		@Test
		void listsOfScalarsMatchAnyElement() {
			assertThat(filter("tags", "java")).containsExactly(2L);
			assertThat(filter("tags__startswith", "dj")).containsExactly(1L);
			assertThat(filter("tags__in", List.of("spring", "python"))).containsExactly(1L, 2L);
			assertThat(exclude("tags", "java")).containsExactly(1L, 3L, 4L, 5L, 6L);
		}

		@Test
		void mapKeys() {
			assertThat(filter("meta__color", "red")).containsExactly(1L);
			assertThat(filter("meta__size__gte", 3)).containsExactly(1L);
			assertThat(filter("meta__color__isnull", false)).containsExactly(1L, 2L);
		}

	}

	@Nested
	class Combinations {

		@Test
		void qObjectsCombine() {
			assertThat(ids(articles().filter(Q.of("title__icontains", "django").or(Q.of("body__icontains", "école")))))
				.containsExactly(1L, 2L);
			assertThat(ids(articles().filter(Q.of("rating__gte", 3).and(Q.of("views__lt", 5))))).containsExactly(2L, 5L);
			assertThat(ids(articles().filter(Q.of("rating", 3).not()))).containsExactly(2L, 3L, 4L, 5L, 6L);
		}

		@Test
		void oneExcludeOfSeveralIsNotOfTheirConjunction() {
			assertThat(ids(articles().exclude("rating", 3, "views", 7))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
			assertThat(ids(articles().exclude("rating", 3, "views", 10))).containsExactly(2L, 3L, 4L, 5L, 6L);
			assertThat(ids(articles().exclude("rating", 3).exclude("views", 7))).containsExactly(2L, 3L, 5L, 6L);
		}

		@Test
		void fComparesTwoFieldsAndNeverMatchesNull() {
			assertThat(filter("views__gt", F.of("rating"))).containsExactly(1L, 4L);
			assertThat(filter("views", F.of("rating"))).containsExactly(5L, 6L);
			assertThat(filter("views__gte", F.of("rating").times(2))).containsExactly(1L, 4L);
			assertThat(filter("views__lt", F.of("rating").plus(1))).containsExactly(2L, 5L, 6L);
			assertThat(exclude("views__gt", F.of("rating"))).containsExactly(2L, 3L, 5L, 6L);
		}

	}

	@Nested
	class Injection {

		@Test
		void operatorLookingValuesAreLiterals() {
			assertThat(filter("title", Map.of("$gt", ""))).isEmpty();
			assertThat(filter("title", "{$where: 'true'}")).isEmpty();
			assertThat(filter("title", "$where")).containsExactly(5L);
			assertThat(filter("title__contains", "$where")).containsExactly(5L);
			assertThat(filter("title__gt", Map.of("$gt", ""))).isEmpty();
			assertThat(filter("meta", Map.of("$gt", ""))).isEmpty();
			assertThat(filter("meta__color", Map.of("$ne", "x"))).isEmpty();
			assertThat(filter("tags__in", List.of(Map.of("$ne", "x")))).isEmpty();
		}

		@Test
		void badValuesFailWithTheLookupNamed() {
			assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> filter("rating__gt", "lots"))
				.withMessageContaining("Article.rating__gt")
				.withMessageContaining("Integer")
				.withMessageContaining("lots");
			assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> filter("publishedDate__year", "x"))
				.withMessageContaining("Article.publishedDate__year");
			assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> filter("rating__range", List.of(1)))
				.withMessageContaining("range needs exactly two");
			assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> filter("rating__gt", null))
				.withMessageContaining("Cannot use None as a query value");
			assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> filter("rating__isnull", "yes"))
				.withMessageContaining("true or false");
			assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> filter("title__regex", "(["))
				.withMessageContaining("invalid regular expression");
			assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> filter("rating__in", 3))
				.withMessageContaining("collection");
		}

	}

}
