package io.djongo.spring.core.query.lookup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.Document;

/**
 * Django's date and time transforms: {@code date}, {@code year}, {@code iso_year}, {@code month}, {@code day},
 * {@code week}, {@code week_day}, {@code iso_week_day}, {@code quarter}, {@code time}, {@code hour},
 * {@code minute}, {@code second}.
 * <p>
 * In UTC (the default) every transform is built from operators that MongoDB and the embedded server compute alike:
 * date-part operators always get an explicit {@code timezone}, and the weekday comes from arithmetic on epoch days
 * (1970-01-01 was a Thursday); the ISO week and ISO year are the {@code $dayOfYear} and {@code $year} of the
 * Thursday of the same week. In another zone, MongoDB's own {@code $dayOfWeek}, {@code $isoWeek},
 * {@code $isoWeekYear} and {@code $dateTrunc} are used, which need a real MongoDB.
 */
public final class DateTransforms {

	private static final long DAY = 86_400_000L;

	private static final Set<Class<?>> DATES = Set.of(Date.class, Instant.class, LocalDate.class, LocalDateTime.class,
			OffsetDateTime.class, ZonedDateTime.class);

	private static final Set<Class<?>> DATE_TIMES = Set.of(Date.class, Instant.class, LocalDateTime.class,
			OffsetDateTime.class, ZonedDateTime.class);

	private static final Map<String, Transform> ALL = Stream.of(
			part("year", DATES, (input, zone) -> datePart("$year", input, zone)),
			part("month", DATES, (input, zone) -> datePart("$month", input, zone)),
			part("day", DATES, (input, zone) -> datePart("$dayOfMonth", input, zone)),
			part("quarter", DATES,
					(input, zone) -> new Document("$ceil",
							new Document("$divide", List.of(datePart("$month", input, zone), 3)))),
			part("week_day", DATES, DateTransforms::weekDay),
			part("iso_week_day", DATES, DateTransforms::isoWeekDay),
			part("week", DATES, DateTransforms::isoWeek),
			part("iso_year", DATES, DateTransforms::isoYear),
			part("hour", DATE_TIMES, (input, zone) -> datePart("$hour", input, zone)),
			part("minute", DATE_TIMES, (input, zone) -> datePart("$minute", input, zone)),
			part("second", DATE_TIMES, (input, zone) -> datePart("$second", input, zone)),
			new DateTransform(), new TimeTransform())
		.collect(Collectors.toUnmodifiableMap(Transform::name, Function.identity()));

	private DateTransforms() {
	}

	/** Every date and time transform, by name. */
	public static Map<String, Transform> all() {
		return ALL;
	}

	/** Whether values of the type are stored as BSON dates that the transforms apply to. */
	public static boolean isDate(Class<?> type) {
		return DATES.contains(type);
	}

	private static Transform part(String name, Set<Class<?>> types, BiFunction<Object, ZoneId, Object> expression) {
		return new Transform() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Class<?> outputType() {
				return Integer.class;
			}

			@Override
			public boolean appliesTo(Class<?> type) {
				return types.contains(type);
			}

			@Override
			public Object apply(Object input, ZoneId zone) {
				return expression.apply(input, zone);
			}

			@Override
			public String toString() {
				return name;
			}

		};
	}

	static Document datePart(String operator, Object input, ZoneId zone) {
		// An explicit zone, even UTC: the embedded server otherwise uses the JVM's default zone.
		return new Document(operator, new Document("date", input).append("timezone", zoneName(zone)));
	}

	/** The zone as MongoDB names it: an Olson name or an offset; never "Z", which MongoDB does not know. */
	static String zoneName(ZoneId zone) {
		return isUtc(zone) ? "UTC" : zone.getId();
	}

	private static boolean isUtc(ZoneId zone) {
		return zone.normalized().equals(ZoneOffset.UTC);
	}

	/** Milliseconds since midnight UTC, never negative, also before 1970. */
	private static Object millisOfDay(Object input) {
		Object millis = new Document("$toLong", input);
		return new Document("$mod", List.of(new Document("$add", List.of(new Document("$mod", List.of(millis, DAY)), DAY)), DAY));
	}

	private static Object epochDay(Object input) {
		return new Document("$floor", new Document("$divide", List.of(new Document("$toLong", input), DAY)));
	}

	/** {@code ((day + shift) mod 7 + 7) mod 7 + 1}: a weekday number from the epoch day, for negative days too. */
	private static Object weekdayFrom(Object input, int shift) {
		Object shifted = new Document("$add", List.of(epochDay(input), shift));
		Object positive = new Document("$add", List.of(new Document("$mod", List.of(shifted, 7)), 7));
		return new Document("$add", List.of(new Document("$mod", List.of(positive, 7)), 1));
	}

	private static Object weekDay(Object input, ZoneId zone) {
		// Django: 1 = Sunday ... 7 = Saturday; 1970-01-01 (day 0) was a Thursday, 5.
		return isUtc(zone) ? weekdayFrom(input, 4) : datePart("$dayOfWeek", input, zone);
	}

	private static Object isoWeekDay(Object input, ZoneId zone) {
		// ISO: 1 = Monday ... 7 = Sunday; day 0 was a Thursday, 4.
		return isUtc(zone) ? weekdayFrom(input, 3) : datePart("$isoDayOfWeek", input, zone);
	}

	private static Object thursdayOfWeek(Object input) {
		Object daysAfterThursday = new Document("$subtract", List.of(weekdayFrom(input, 3), 4));
		return new Document("$subtract", List.of(input, new Document("$multiply", List.of(daysAfterThursday, DAY))));
	}

	private static Object isoWeek(Object input, ZoneId zone) {
		if (!isUtc(zone)) {
			return datePart("$isoWeek", input, zone);
		}
		Object dayOfYear = datePart("$dayOfYear", thursdayOfWeek(input), zone);
		return new Document("$add", List.of(
				new Document("$floor", new Document("$divide", List.of(new Document("$subtract", List.of(dayOfYear, 1)), 7))), 1));
	}

	private static Object isoYear(Object input, ZoneId zone) {
		return isUtc(zone) ? datePart("$year", thursdayOfWeek(input), zone) : datePart("$isoWeekYear", input, zone);
	}

	/**
	 * {@code date}: the calendar day of a date-time, compared with a {@link LocalDate}.
	 */
	static final class DateTransform implements Transform {

		@Override
		public String name() {
			return "date";
		}

		@Override
		public Class<?> outputType() {
			return LocalDate.class;
		}

		@Override
		public boolean appliesTo(Class<?> type) {
			return DATE_TIMES.contains(type);
		}

		@Override
		public Object apply(Object input, ZoneId zone) {
			if (!isUtc(zone)) {
				return new Document("$dateTrunc",
						new Document("date", input).append("unit", "day").append("timezone", zoneName(zone)));
			}
			return new Document("$subtract", List.of(input, millisOfDay(input)));
		}

		@Override
		public Object toComparable(Object value, ZoneId zone) {
			return Date.from(((LocalDate) value).atStartOfDay(zone).toInstant());
		}

		@Override
		public String toString() {
			return name();
		}

	}

	/**
	 * {@code time}: the time of day of a date-time to the millisecond, compared with a {@link LocalTime}.
	 */
	static final class TimeTransform implements Transform {

		@Override
		public String name() {
			return "time";
		}

		@Override
		public Class<?> outputType() {
			return LocalTime.class;
		}

		@Override
		public boolean appliesTo(Class<?> type) {
			return DATE_TIMES.contains(type);
		}

		@Override
		public Object apply(Object input, ZoneId zone) {
			if (isUtc(zone)) {
				return millisOfDay(input);
			}
			return new Document("$add", List.of(
					new Document("$multiply", List.of(datePart("$hour", input, zone), 3_600_000L)),
					new Document("$multiply", List.of(datePart("$minute", input, zone), 60_000L)),
					new Document("$multiply", List.of(datePart("$second", input, zone), 1_000L)),
					datePart("$millisecond", input, zone)));
		}

		@Override
		public Object toComparable(Object value, ZoneId zone) {
			return ((LocalTime) value).toNanoOfDay() / 1_000_000L;
		}

		@Override
		public String toString() {
			return name();
		}

	}

}
