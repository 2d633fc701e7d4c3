package io.djongo.spring.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.bridge.DjongoOptions;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.functions.Extract;
import io.djongo.spring.core.query.functions.ExtractDay;
import io.djongo.spring.core.query.functions.ExtractHour;
import io.djongo.spring.core.query.functions.ExtractIsoWeekDay;
import io.djongo.spring.core.query.functions.ExtractIsoYear;
import io.djongo.spring.core.query.functions.ExtractMinute;
import io.djongo.spring.core.query.functions.ExtractMonth;
import io.djongo.spring.core.query.functions.ExtractQuarter;
import io.djongo.spring.core.query.functions.ExtractSecond;
import io.djongo.spring.core.query.functions.ExtractWeek;
import io.djongo.spring.core.query.functions.ExtractWeekDay;
import io.djongo.spring.core.query.functions.ExtractYear;
import io.djongo.spring.core.query.functions.Trunc;
import io.djongo.spring.core.query.functions.TruncDate;
import io.djongo.spring.core.query.functions.TruncDay;
import io.djongo.spring.core.query.functions.TruncHour;
import io.djongo.spring.core.query.functions.TruncMonth;
import io.djongo.spring.core.query.functions.TruncQuarter;
import io.djongo.spring.core.query.functions.TruncTime;
import io.djongo.spring.core.query.functions.TruncWeek;
import io.djongo.spring.core.query.functions.TruncYear;
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
 * {@code Extract*} and {@code Trunc*} against Django's {@code tests/db_functions/datetime/test_extract_trunc.py} on
 * PostgreSQL, in UTC and in other zones, and {@code dates()}/{@code datetimes()} (Django's {@code tests/dates}).
 */
class QuerySetDateFunctionIntegrationTests {

	static final ZoneId MELBOURNE = ZoneId.of("Australia/Melbourne");

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("dates"));
		template.insertAll(List.of(new DtModel(1, "2015-06-15T14:30:50.000321Z", "2016-06-15T14:10:50.000123Z"),
				new DtModel(2, "2016-06-15T14:10:50.000123Z", "2015-06-15T14:30:50.000321Z"),
				new DtModel(3, "2014-12-27T13:00:00Z", null), new DtModel(4, "2014-12-31T13:00:00Z", null),
				new DtModel(5, "2015-12-31T13:00:00Z", null), new DtModel(6, "2015-06-15T23:30:01.000321Z", null),
				new DtModel(7, null, null)));
	}

	static List<Object> values(Expression expression, long... ids) {
		QuerySet<DtModel> qs = template.objects(DtModel.class).filter("pk__in",
				Arrays.stream(ids).boxed().toList()).orderBy("pk");
		return qs.annotate("v", expression).valuesList("v", Object.class).list();
	}

	@Test
	void extractsInUtc() {
		TestClients.recorder().clear();
		assertThat(values(ExtractYear.of("startDatetime"), 1, 2)).containsExactly(2015, 2016);
		assertThat(TestClients.recorder().names()).containsExactly("aggregate");
		assertThat(values(ExtractIsoYear.of("startDatetime"), 1, 2)).containsExactly(2015, 2016);
		assertThat(values(ExtractQuarter.of("startDatetime"), 1, 2)).containsExactly(2, 2);
		assertThat(values(ExtractMonth.of("startDatetime"), 1, 2)).containsExactly(6, 6);
		assertThat(values(ExtractDay.of("startDatetime"), 1, 2)).containsExactly(15, 15);
		assertThat(values(ExtractWeek.of("startDatetime"), 1, 2)).containsExactly(25, 24);
		assertThat(values(ExtractWeekDay.of("startDatetime"), 1, 2)).containsExactly(2, 4);
		assertThat(values(ExtractIsoWeekDay.of("startDatetime"), 1, 2)).containsExactly(1, 3);
		assertThat(values(ExtractHour.of("startDatetime"), 1, 2)).containsExactly(14, 14);
		assertThat(values(ExtractMinute.of("startDatetime"), 1, 2)).containsExactly(30, 10);
		assertThat(values(ExtractSecond.of("startDatetime"), 1, 2)).containsExactly(50, 50);
		assertThat(values(Extract.of("startDate", "year"), 1, 2)).containsExactly(2015, 2016);
		assertThat(values(ExtractYear.of("startDatetime"), 7)).containsOnlyNulls();
		assertThatIllegalArgumentException().isThrownBy(() -> Extract.of("startDatetime", "century"))
			.withMessageStartingWith("Extract has no part 'century'");
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> template.objects(DtModel.class).annotate("v", ExtractHour.of("startDate")))
			.withMessageContaining("Cannot extract time component 'hour' from a LocalDate");
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> template.objects(DtModel.class).annotate("v", ExtractYear.of("id")))
			.withMessageContaining("ExtractYear input expression must be a date or date-time");
	}

	@Test
	void isoYearsAtTheirBoundaries() {
		assertThat(values(ExtractIsoYear.of("startDatetime"), 3, 4, 5)).containsExactly(2014, 2015, 2015);
		assertThat(values(ExtractWeek.of("startDatetime"), 3, 4, 5)).containsExactly(52, 1, 53);
	}

	@Test
	void extractsInAZone() {
		assertThat(values(ExtractDay.of("startDatetime"), 6)).containsExactly(15);
		assertThat(values(ExtractDay.of("startDatetime", MELBOURNE), 6)).containsExactly(16);
		assertThat(values(ExtractWeek.of("startDatetime", MELBOURNE), 6)).containsExactly(25);
		assertThat(values(ExtractIsoYear.of("startDatetime", MELBOURNE), 6)).containsExactly(2015);
		assertThat(values(ExtractWeekDay.of("startDatetime", MELBOURNE), 6)).containsExactly(3);
		assertThat(values(ExtractIsoWeekDay.of("startDatetime", MELBOURNE), 6)).containsExactly(2);
		assertThat(values(ExtractHour.of("startDatetime", MELBOURNE), 6)).containsExactly(9);
		assertThatExceptionOfType(FieldError.class).isThrownBy(
				() -> template.objects(DtModel.class).annotate("v", ExtractYear.of("startDate", MELBOURNE)))
			.withMessageContaining("a time zone can only be used with instants");
	}

	@Test
	void theTemplatesZoneIsTheDefault() {
		DjongoTemplate melbourne = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("datesmel"),
				DjongoOptions.defaults().withTimeZone(MELBOURNE));
		melbourne.insertAll(List.of(new DtModel(6, "2015-06-15T23:30:01.000321Z", null)));
		assertThat(melbourne.objects(DtModel.class).annotate("day", ExtractDay.of("startDatetime"))
			.annotate("date", TruncDate.of("startDatetime"))
			.values("day", "date").get()).containsEntry("day", 16).containsEntry("date", LocalDate.parse("2015-06-16"));
	}

	@Test
	void truncatesInUtc() {
		assertThat(values(TruncYear.of("startDatetime"), 1, 2)).containsExactly(Instant.parse("2015-01-01T00:00:00Z"),
				Instant.parse("2016-01-01T00:00:00Z"));
		assertThat(values(TruncQuarter.of("startDatetime"), 1, 5)).containsExactly(Instant.parse("2015-04-01T00:00:00Z"),
				Instant.parse("2015-10-01T00:00:00Z"));
		assertThat(values(TruncMonth.of("startDatetime"), 1)).containsExactly(Instant.parse("2015-06-01T00:00:00Z"));
		assertThat(values(TruncWeek.of("startDatetime"), 1, 2)).containsExactly(Instant.parse("2015-06-15T00:00:00Z"),
				Instant.parse("2016-06-13T00:00:00Z"));
		assertThat(values(TruncDay.of("startDatetime"), 1)).containsExactly(Instant.parse("2015-06-15T00:00:00Z"));
		assertThat(values(TruncHour.of("startDatetime"), 1)).containsExactly(Instant.parse("2015-06-15T14:00:00Z"));
		assertThat(values(Trunc.of("startDatetime", "minute"), 1)).containsExactly(Instant.parse("2015-06-15T14:30:00Z"));
		assertThat(values(Trunc.of("startDatetime", "second"), 1)).containsExactly(Instant.parse("2015-06-15T14:30:50Z"));
		assertThat(values(TruncDate.of("startDatetime"), 1)).containsExactly(LocalDate.parse("2015-06-15"));
		assertThat(values(TruncTime.of("startDatetime"), 1)).containsExactly(LocalTime.parse("14:30:50"));
		assertThat(values(TruncMonth.of("startDate"), 1)).containsExactly(LocalDate.parse("2015-06-01"));
		assertThat(values(TruncWeek.of("startDate"), 2)).containsExactly(LocalDate.parse("2016-06-13"));
		assertThat(values(TruncYear.of("startDatetime"), 7)).containsOnlyNulls();
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> template.objects(DtModel.class).annotate("v", TruncHour.of("startDate")))
			.withMessageContaining("Cannot truncate a LocalDate to a time of day");
	}

	@Test
	void truncatesInFixedOffsetZonesOnEveryServer() {
		ZoneOffset plusTen = ZoneOffset.ofHours(10);
		assertThat(values(TruncMonth.of("startDatetime", plusTen), 6))
			.containsExactly(Instant.parse("2015-05-31T14:00:00Z"));
		assertThat(values(TruncDay.of("startDatetime", plusTen), 6)).containsExactly(Instant.parse("2015-06-15T14:00:00Z"));
		assertThat(values(TruncHour.of("startDatetime", ZoneOffset.ofHoursMinutes(5, 30)), 6))
			.containsExactly(Instant.parse("2015-06-15T23:30:00Z"));
		assertThat(values(TruncDate.of("startDatetime", MELBOURNE), 6)).containsExactly(LocalDate.parse("2015-06-16"));
		assertThat(values(TruncTime.of("startDatetime", MELBOURNE), 6)).containsExactly(LocalTime.parse("09:30:01"));
	}

	@Test
	void truncatesInZonesWithDaylightSavingTimeOnMongoDb() {
		TestMongo.assumeRealMongoDb("$dateTrunc");
		assertThat(values(TruncDay.of("startDatetime", MELBOURNE), 6))
			.containsExactly(Instant.parse("2015-06-15T14:00:00Z"));
		assertThat(values(TruncWeek.of("startDatetime", MELBOURNE), 6))
			.containsExactly(Instant.parse("2015-06-14T14:00:00Z"));
	}

	@Test
	void dateTimesSubtractToDurationsAndAddThem() {
		assertThat(values(F.of("endDatetime").minus(F.of("startDatetime")), 1, 3))
			.containsExactly(java.time.Duration.ofMillis(Instant.parse("2016-06-15T14:10:50Z").toEpochMilli()
					- Instant.parse("2015-06-15T14:30:50Z").toEpochMilli()), null);
		assertThat(values(F.of("startDatetime").plus(Value.of(java.time.Duration.ofHours(1))), 3))
			.containsExactly(Instant.parse("2014-12-27T14:00:00Z"));
		assertThat(template.objects(DtModel.class)
			.filter("endDatetime__gt", F.of("startDatetime").plus(Value.of(java.time.Duration.ofDays(300))))
			.valuesList("pk", Long.class).list()).containsExactly(1L);
	}

	@Test
	void aFilterTakesOnlyConditionalExpressions() {
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> template.objects(DtModel.class).filter(ExtractYear.of("startDatetime")))
			.withMessageStartingWith("Cannot filter against a non-conditional expression");
	}

	@Test
	void extractsAndTruncationsFilterAndGroup() {
		QuerySet<DtModel> models = template.objects(DtModel.class);
		assertThat(models.annotate("year", ExtractYear.of("startDatetime")).filter("year", 2015).count()).isEqualTo(3);
		assertThat(models.filter("startDatetime__year", ExtractYear.of("endDatetime")).count()).isZero();
		assertThat(models.filter("startDatetime__lt", TruncYear.of("endDatetime")).valuesList("pk", Long.class).list())
			.containsExactly(1L);
	}

	@Test
	void datesAreTheDistinctTruncatedDays() {
		DjongoTemplate articles = QuerySetFixtures.articles("datesof");
		QuerySet<Article> all = articles.objects(Article.class);
		TestClients.recorder().clear();
		assertThat(all.dates("publishedDate", "year").list()).containsExactly(LocalDate.parse("1969-01-01"),
				LocalDate.parse("2021-01-01"), LocalDate.parse("2023-01-01"), LocalDate.parse("2024-01-01"),
				LocalDate.parse("2025-01-01"));
		assertThat(TestClients.recorder().names()).containsExactly("aggregate");
		assertThat(all.dates("publishedDate", "month", "DESC").list()).containsExactly(LocalDate.parse("2025-01-01"),
				LocalDate.parse("2024-06-01"), LocalDate.parse("2024-03-01"), LocalDate.parse("2023-12-01"),
				LocalDate.parse("2021-01-01"), LocalDate.parse("1969-12-01"));
		assertThat(all.dates("publishedDate", "week").list()).containsExactly(LocalDate.parse("1969-12-29"),
				LocalDate.parse("2020-12-28"), LocalDate.parse("2023-12-25"), LocalDate.parse("2024-02-26"),
				LocalDate.parse("2024-06-10"), LocalDate.parse("2025-01-20"));
		assertThat(all.filter("rating__gte", 4).dates("publishedDate", "day").list())
			.containsExactly(LocalDate.parse("2021-01-03"), LocalDate.parse("2024-06-15"));
		assertThat(all.dates("day", "month").list()).containsExactly(LocalDate.parse("2024-03-01"));
		assertThat(all.datetimes("publishedDate", "hour").slice(0, 2).list())
			.containsExactly(Instant.parse("1969-12-31T23:00:00Z"), Instant.parse("2021-01-03T00:00:00Z"));
		assertThat(all.datetimes("publishedDate", "year").count()).isEqualTo(5);
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> all.dates("publishedDate", "hour"))
			.withMessage("'kind' must be one of 'year', 'month', 'week', or 'day'.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> all.dates("publishedDate", "year", "up"))
			.withMessage("'order' must be either 'ASC' or 'DESC'.");
	}

}
