package io.djongo.spring.core.query.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Func;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Extract*} and {@code Trunc*} in the configured zone (or the one given), as the date lookups are:
 * the parts are the lookups' {@link Transform}s, and truncation is arithmetic on epoch milliseconds in UTC and in
 * fixed-offset zones, on every server. Truncating an instant to a day or more in a zone with daylight saving time
 * needs the zone's rules: MongoDB's {@code $dateTrunc} (5.0+), which the embedded server lacks. Naive values
 * ({@code LocalDate}, {@code LocalDateTime}) are stored as if in UTC and computed there.
 */
final class DateFunctions {

	private static final long DAY_MILLIS = 86_400_000L;

	private final ExpressionCompiler expressions;

	private final ZoneId zone;

	DateFunctions(ExpressionCompiler expressions, ZoneId zone) {
		this.expressions = expressions;
		this.zone = zone;
	}

	ExpressionCompiler.Result extract(Func func, ExpressionCompiler.Result input, String where) {
		String part = Objects.requireNonNull(func.function().datePart());
		Transform transform = Objects.requireNonNull(Transform.named(part));
		ExpressionTypes.Kind kind = ExpressionTypes.kind(input.type());
		if (kind == ExpressionTypes.Kind.TIME && (transform == Transform.HOUR || transform == Transform.MINUTE
				|| transform == Transform.SECOND)) {
			// a time of day is its milliseconds since midnight
			long unit = (transform == Transform.HOUR) ? 3_600_000L : (transform == Transform.MINUTE) ? 60_000L : 1_000L;
			Object value = new Document("$mod", List.of(new Document("$floor",
					new Document("$divide", List.of(input.expression(), unit))), (transform == Transform.HOUR) ? 24 : 60));
			return new ExpressionCompiler.Result(ExpressionCompiler.ifNotNull(input.expression(), value), Integer.class);
		}
		requireDate(func, input, where);
		if (kind == ExpressionTypes.Kind.DATE && !transform.appliesTo(LocalDate.class)) {
			throw new FieldError(where + ": Cannot extract time component '" + part + "' from a LocalDate");
		}
		ZoneId in = zoneOf(func, input, where);
		Object value = ExpressionCompiler.ifNotNull(input.expression(),
				transform.apply(Objects.requireNonNull(input.expression()), in));
		return new ExpressionCompiler.Result(value, Integer.class);
	}

	ExpressionCompiler.Result trunc(Func func, ExpressionCompiler.Result input, String where) {
		requireDate(func, input, where);
		Func.Function function = func.function();
		ExpressionTypes.Kind kind = ExpressionTypes.kind(input.type());
		boolean timeOfDay = function == Func.Function.TRUNC_HOUR || function == Func.Function.TRUNC_MINUTE
				|| function == Func.Function.TRUNC_SECOND || function == Func.Function.TRUNC_TIME;
		if (kind == ExpressionTypes.Kind.DATE && timeOfDay) {
			throw new FieldError(where + ": Cannot truncate a LocalDate to a time of day ("
					+ function.displayName() + ")");
		}
		ZoneId in = zoneOf(func, input, where);
		Object date = Objects.requireNonNull(input.expression());
		Object value;
		Class<?> type = input.type();
		if (function == Func.Function.TRUNC_DATE) {
			value = Transform.DATE.apply(date, in);
			type = LocalDate.class;
		}
		else if (function == Func.Function.TRUNC_TIME) {
			value = Transform.TIME.apply(date, in);
			type = LocalTime.class;
		}
		else if (in.getRules().isFixedOffset()) {
			value = fixedOffset(function, date, in.getRules().getOffset(java.time.Instant.EPOCH));
		}
		else {
			value = new Document("$dateTrunc", unit(function, date, in));
		}
		return new ExpressionCompiler.Result(ExpressionCompiler.ifNotNull(date, value), type);
	}

	/** {@code $dateTrunc}'s arguments: MongoDB's units, weeks starting on Monday as ISO weeks do. */
	private static Document unit(Func.Function function, Object date, ZoneId zone) {
		String unit = Objects.requireNonNull(function.datePart());
		Document arguments = new Document("date", date).append("unit", unit).append("timezone", Transform.zoneName(zone));
		if (function == Func.Function.TRUNC_WEEK) {
			arguments.append("startOfWeek", "monday");
		}
		return arguments;
	}

	/**
	 * Truncation where local time is the instant shifted by a constant: the local milliseconds, truncated, shifted
	 * back. Days and shorter units are a floor modulo; weeks go back to Monday; months, quarters and years start at
	 * the epoch day of their first day.
	 */
	private static Object fixedOffset(Func.Function function, Object date, ZoneOffset offset) {
		long shift = offset.getTotalSeconds() * 1000L;
		Object local = new Document("$add", List.of(new Document("$toLong", date), shift));
		Object start = switch (function) {
			case TRUNC_SECOND -> floor(local, 1_000L);
			case TRUNC_MINUTE -> floor(local, 60_000L);
			case TRUNC_HOUR -> floor(local, 3_600_000L);
			case TRUNC_DAY -> floor(local, DAY_MILLIS);
			case TRUNC_WEEK -> new Document("$subtract", List.of(floor(local, DAY_MILLIS), new Document("$multiply",
					List.of(new Document("$subtract", List.of(Transform.weekday(day(local), 3), 1)), DAY_MILLIS))));
			case TRUNC_MONTH, TRUNC_QUARTER, TRUNC_YEAR -> firstDay(function, new Document("$toDate", local));
			default -> throw new IllegalArgumentException(function + " is not a truncation to a unit");
		};
		return new Document("$toDate", new Document("$toLong", new Document("$subtract", List.of(start, shift))));
	}

	/** The epoch milliseconds of the first day of the month, quarter or year of a local date-time. */
	private static Object firstDay(Func.Function function, Object local) {
		Object year = Transform.datePart("$year", local, ZoneOffset.UTC);
		Object month = switch (function) {
			case TRUNC_YEAR -> 1;
			case TRUNC_QUARTER -> new Document("$add", List.of(new Document("$multiply", List.of(
					new Document("$floor", new Document("$divide", List.of(new Document("$subtract",
							List.of(Transform.datePart("$month", local, ZoneOffset.UTC), 1)), 3))), 3)), 1));
			default -> Transform.datePart("$month", local, ZoneOffset.UTC);
		};
		return new Document("$multiply", List.of(Transform.daysFromCivil(year, month, 1), DAY_MILLIS));
	}

	private static Object day(Object millis) {
		return new Document("$floor", new Document("$divide", List.of(millis, DAY_MILLIS)));
	}

	/** The largest multiple of the unit not above the value, for negative values too. */
	private static Object floor(Object millis, long unit) {
		Object remainder = new Document("$mod",
				List.of(new Document("$add", List.of(new Document("$mod", List.of(millis, unit)), unit)), unit));
		return new Document("$subtract", List.of(millis, remainder));
	}

	private static void requireDate(Func func, ExpressionCompiler.Result input, String where) {
		ExpressionTypes.Kind kind = ExpressionTypes.kind(input.type());
		if (kind != ExpressionTypes.Kind.DATE_TIME && kind != ExpressionTypes.Kind.DATE
				&& kind != ExpressionTypes.Kind.UNKNOWN) {
			throw new FieldError(where + ": " + func.function().displayName() + " input expression must be a date or "
					+ "date-time (Instant, Date, LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime), not "
					+ input.type().getSimpleName());
		}
	}

	/** The zone to compute in: UTC for naive values (a zone given for them is an error, as in Django). */
	private ZoneId zoneOf(Func func, ExpressionCompiler.Result input, String where) {
		@Nullable ZoneId given = func.zone();
		if (given != null && ExpressionTypes.isNaive(input.type())) {
			throw new FieldError(where + ": a time zone can only be used with instants (Instant, Date, OffsetDateTime, "
					+ "ZonedDateTime), not " + input.type().getSimpleName());
		}
		return this.expressions.zoneFor(input.type(), (given != null) ? given : this.zone);
	}

}
