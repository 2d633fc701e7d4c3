package io.djongo.spring.core.query.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Django's date and time transforms, the parts between a field and its lookup ({@code year} in
 * {@code publishedDate__year__gte}), each computing a value from the field as an aggregation expression.
 * <p>
 * Every transform is built from operators that MongoDB and the embedded server compute alike, in any zone:
 * date-part operators always get an explicit {@code timezone}, and the weekday comes from arithmetic on epoch days
 * (1970-01-01 was a Thursday; in a zone other than UTC the epoch day of the zone's year, month and day); the ISO week
 * and ISO year are the {@code $dayOfYear} and {@code $year} of the Thursday of the same week. MongoDB's own
 * {@code $dayOfWeek} (off by one on the embedded server), {@code $isoWeek} and {@code $dateTrunc} are not used.
 */
enum Transform {

	/** The year. */
	YEAR("year", Integer.class, true),

	/** The ISO-8601 week-numbering year. */
	ISO_YEAR("iso_year", Integer.class, true),

	/** The month, 1 to 12. */
	MONTH("month", Integer.class, true),

	/** The day of the month. */
	DAY("day", Integer.class, true),

	/** The ISO-8601 week number. */
	WEEK("week", Integer.class, true),

	/** Django's weekday: 1 = Sunday ... 7 = Saturday. */
	WEEK_DAY("week_day", Integer.class, true),

	/** The ISO weekday: 1 = Monday ... 7 = Sunday. */
	ISO_WEEK_DAY("iso_week_day", Integer.class, true),

	/** The quarter, 1 to 4. */
	QUARTER("quarter", Integer.class, true),

	/** The calendar day of a date-time, compared with a {@link LocalDate}. */
	DATE("date", LocalDate.class, false),

	/** The time of day of a date-time to the millisecond, compared with a {@link LocalTime}. */
	TIME("time", LocalTime.class, false),

	/** The hour. */
	HOUR("hour", Integer.class, false),

	/** The minute. */
	MINUTE("minute", Integer.class, false),

	/** The second. */
	SECOND("second", Integer.class, false);

	private static final long DAY_MILLIS = 86_400_000L;

	private static final Set<Class<?>> DATE_TIMES = Set.of(Date.class, Instant.class, LocalDateTime.class,
			OffsetDateTime.class, ZonedDateTime.class);

	private static final Map<String, Transform> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Transform::transformName, Function.identity()));

	private final String transformName;

	private final Class<?> outputType;

	private final boolean onDays;

	Transform(String transformName, Class<?> outputType, boolean onDays) {
		this.transformName = transformName;
		this.outputType = outputType;
		this.onDays = onDays;
	}

	/** The transform named so after {@code __}, or null. */
	static @Nullable Transform named(String name) {
		return BY_NAME.get(name);
	}

	String transformName() {
		return this.transformName;
	}

	/** The Java type of the computed value: what the following lookup compares with. */
	Class<?> outputType() {
		return this.outputType;
	}

	/** Whether the transform applies to values of a type: date parts to dates, time parts to date-times only. */
	boolean appliesTo(Class<?> type) {
		return DATE_TIMES.contains(type) || (this.onDays && type == LocalDate.class);
	}

	/**
	 * The aggregation expression computing the value.
	 * @param input the aggregation expression of the field (or of the previous transform)
	 */
	Object apply(Object input, ZoneId zone) {
		boolean utc = isUtc(zone);
		return switch (this) {
			case YEAR -> datePart("$year", input, zone);
			case MONTH -> datePart("$month", input, zone);
			case DAY -> datePart("$dayOfMonth", input, zone);
			case QUARTER -> new Document("$ceil", new Document("$divide", List.of(datePart("$month", input, zone), 3)));
			// Django: 1 = Sunday ... 7 = Saturday; 1970-01-01 (day 0) was a Thursday, 5
			case WEEK_DAY -> weekday(epochDay(input, zone), 4);
			// ISO: 1 = Monday ... 7 = Sunday; day 0 was a Thursday, 4
			case ISO_WEEK_DAY -> weekday(epochDay(input, zone), 3);
			case WEEK -> utc ? isoWeek(input, zone) : isoWeekOfDay(epochDay(input, zone));
			case ISO_YEAR -> utc ? datePart("$year", thursdayOfWeek(input), zone)
					: datePart("$year", dayAsDate(thursdayOf(epochDay(input, zone))), ZoneOffset.UTC);
			case HOUR -> datePart("$hour", input, zone);
			case MINUTE -> datePart("$minute", input, zone);
			case SECOND -> datePart("$second", input, zone);
			// the calendar day in the zone, as a date at midnight UTC (how a LocalDate is stored)
			case DATE -> utc ? new Document("$subtract", List.of(input, millisOfDay(input)))
					: dayAsDate(epochDay(input, zone));
			case TIME -> utc ? millisOfDay(input) : localMillisOfDay(input, zone);
		};
	}

	/**
	 * A lookup value of {@link #outputType()} in the form the computed value has: a day as a date at midnight UTC, a
	 * time of day as milliseconds, numbers as they are.
	 */
	Object toComparable(Object value, ZoneId zone) {
		if (this == DATE) {
			return Date.from(((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant());
		}
		if (this == TIME) {
			return ((LocalTime) value).toNanoOfDay() / 1_000_000L;
		}
		return value;
	}

	@Override
	public String toString() {
		return this.transformName;
	}

	static Document datePart(String operator, Object input, ZoneId zone) {
		// An explicit zone, even UTC: the embedded server otherwise uses the JVM's default zone.
		return new Document(operator, new Document("date", input).append("timezone", zoneName(zone)));
	}

	/** The zone as MongoDB names it: an Olson name or an offset; never "Z", which MongoDB does not know. */
	static String zoneName(ZoneId zone) {
		return isUtc(zone) ? "UTC" : zone.getId();
	}

	static boolean isUtc(ZoneId zone) {
		return zone.normalized().equals(ZoneOffset.UTC);
	}

	/** Milliseconds since midnight UTC, never negative, also before 1970. */
	static Object millisOfDay(Object input) {
		Object millis = new Document("$toLong", input);
		return new Document("$mod",
				List.of(new Document("$add", List.of(new Document("$mod", List.of(millis, DAY_MILLIS)), DAY_MILLIS)),
						DAY_MILLIS));
	}

	/**
	 * The number of the calendar day in the zone since 1970-01-01: from the instant in UTC, else from the zone's
	 * year, month and day (Howard Hinnant's days-from-civil), which every server computes alike.
	 */
	static Object epochDay(Object input, ZoneId zone) {
		if (isUtc(zone)) {
			return new Document("$floor",
					new Document("$divide", List.of(new Document("$toLong", input), DAY_MILLIS)));
		}
		return daysFromCivil(datePart("$year", input, zone), datePart("$month", input, zone),
				datePart("$dayOfMonth", input, zone));
	}

	/** The epoch day of a year, month and day (proleptic Gregorian), in integer arithmetic. */
	static Object daysFromCivil(Object year, Object month, Object day) {
		// March-based years: January and February count to the year before
		Object y = new Document("$subtract", List.of(year, new Document("$cond",
				List.of(new Document("$lte", List.of(month, 2)), 1, 0))));
		Object era = new Document("$floor", new Document("$divide", List.of(y, 400)));
		Object yearOfEra = new Document("$subtract", List.of(y, new Document("$multiply", List.of(era, 400))));
		Object marchMonth = new Document("$mod", List.of(new Document("$add", List.of(month, 9)), 12));
		Object dayOfYear = new Document("$add", List.of(new Document("$floor", new Document("$divide",
				List.of(new Document("$add", List.of(new Document("$multiply", List.of(153, marchMonth)), 2)), 5))),
				new Document("$subtract", List.of(day, 1))));
		Object dayOfEra = new Document("$add", List.of(new Document("$multiply", List.of(yearOfEra, 365)),
				new Document("$floor", new Document("$divide", List.of(yearOfEra, 4))),
				new Document("$multiply", List.of(new Document("$floor", new Document("$divide", List.of(yearOfEra, 100))), -1)),
				dayOfYear));
		return new Document("$add",
				List.of(new Document("$multiply", List.of(era, 146_097)), dayOfEra, -719_468));
	}

	/** An epoch day as the date at its midnight UTC. */
	static Object dayAsDate(Object epochDay) {
		return new Document("$toDate",
				new Document("$toLong", new Document("$multiply", List.of(epochDay, DAY_MILLIS))));
	}

	/** {@code ((day + shift) mod 7 + 7) mod 7 + 1}: a weekday number from the epoch day, for negative days too. */
	static Object weekday(Object epochDay, int shift) {
		Object shifted = new Document("$add", List.of(epochDay, shift));
		Object positive = new Document("$add", List.of(new Document("$mod", List.of(shifted, 7)), 7));
		return new Document("$add", List.of(new Document("$mod", List.of(positive, 7)), 1));
	}

	/** The epoch day of the Thursday of the ISO week of an epoch day. */
	static Object thursdayOf(Object epochDay) {
		return new Document("$add", List.of(epochDay, new Document("$subtract", List.of(4, weekday(epochDay, 3)))));
	}

	private static Object isoWeekOfDay(Object epochDay) {
		Object dayOfYear = datePart("$dayOfYear", dayAsDate(thursdayOf(epochDay)), ZoneOffset.UTC);
		return new Document("$add", List.of(new Document("$floor",
				new Document("$divide", List.of(new Document("$subtract", List.of(dayOfYear, 1)), 7))), 1));
	}

	/** The milliseconds since midnight in the zone, from its hour, minute and second and the instant's milliseconds. */
	private static Object localMillisOfDay(Object input, ZoneId zone) {
		Object millis = new Document("$toLong", input);
		Object millisecond = new Document("$mod",
				List.of(new Document("$add", List.of(new Document("$mod", List.of(millis, 1000L)), 1000L)), 1000L));
		return new Document("$add", List.of(
				new Document("$multiply", List.of(datePart("$hour", input, zone), 3_600_000L)),
				new Document("$multiply", List.of(datePart("$minute", input, zone), 60_000L)),
				new Document("$multiply", List.of(datePart("$second", input, zone), 1_000L)), millisecond));
	}

	private static Object thursdayOfWeek(Object input) {
		Object daysAfterThursday = new Document("$subtract", List.of(weekday(epochDay(input, ZoneOffset.UTC), 3), 4));
		return new Document("$subtract",
				List.of(input, new Document("$multiply", List.of(daysAfterThursday, DAY_MILLIS))));
	}

	private static Object isoWeek(Object input, ZoneId zone) {
		Object dayOfYear = datePart("$dayOfYear", thursdayOfWeek(input), zone);
		return new Document("$add", List.of(new Document("$floor",
				new Document("$divide", List.of(new Document("$subtract", List.of(dayOfYear, 1)), 7))), 1));
	}

}
