package io.djongo.spring.core.query;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A database function or an arithmetic operation over expressions, Django's {@code Func} and
 * {@code CombinedExpression}: made by the factories of {@code io.djongo.spring.core.query.functions}
 * ({@code Lower.of("title")}, {@code Coalesce.of("alias", "name")}, {@code ExtractYear.of("publishedDate")}), by
 * {@link ExpressionWrapper} and by the arithmetic of {@link Expression}. What each function computes is its
 * {@link Function}; the compiler turns it into MongoDB aggregation operators in one switch. Immutable.
 */
public final class Func implements Expression {

	/** What a function computes; Django's class of the same name. */
	public enum Function {

		/** {@code +}. */
		ADD("+"),
		/** {@code -}. */
		SUBTRACT("-"),
		/** {@code *}. */
		MULTIPLY("*"),
		/** {@code /}: truncating between integers. */
		DIVIDE("/"),
		/** {@code %}: the remainder, with the sign of the dividend. */
		MODULO("%"),
		/** {@code **}. */
		EXPONENT("^"),

		/** The first non-null argument. */
		COALESCE("Coalesce"),
		/** Null when both arguments are equal, else the first. */
		NULLIF("NullIf"),
		/** The largest non-null argument (PostgreSQL ignores nulls). */
		GREATEST("Greatest"),
		/** The smallest non-null argument (PostgreSQL ignores nulls). */
		LEAST("Least"),
		/** The argument converted to the output type. */
		CAST("Cast"),
		/** The argument with a declared output type, unchanged: Django's {@code ExpressionWrapper}. */
		WRAPPER("ExpressionWrapper"),

		/** The arguments joined; null ones count as empty strings. */
		CONCAT("Concat"),
		/** Lower case. */
		LOWER("Lower"),
		/** Upper case. */
		UPPER("Upper"),
		/** The number of characters. */
		LENGTH("Length"),
		/** The characters from a 1-based position, for a length or to the end. */
		SUBSTR("Substr"),
		/** The first characters. */
		LEFT("Left"),
		/** The last characters. */
		RIGHT("Right"),
		/** Without leading and trailing spaces. */
		TRIM("Trim"),
		/** Without leading spaces. */
		LTRIM("LTrim"),
		/** Without trailing spaces. */
		RTRIM("RTrim"),
		/** Every occurrence of a text replaced, case-sensitively. */
		REPLACE("Replace"),
		/** The 1-based position of a text, 0 when absent. */
		STRINDEX("StrIndex"),
		/** Padded on the left to a length (or cut to it). */
		LPAD("LPad"),
		/** Padded on the right to a length (or cut to it). */
		RPAD("RPad"),
		/** The characters in reverse order. */
		REVERSE("Reverse"),

		/** The absolute value. */
		ABS("Abs"),
		/** The smallest integer not below. */
		CEIL("Ceil"),
		/** The largest integer not above. */
		FLOOR("Floor"),
		/** Rounded half away from zero to a number of decimal places. */
		ROUND("Round"),
		/** The remainder of a division, as a float (a decimal for decimals). */
		MOD("Mod"),
		/** A power, as a float (a decimal for decimals). */
		POWER("Power"),
		/** The square root, as a float (a decimal for decimals). */
		SQRT("Sqrt"),
		/** -1, 0 or 1. */
		SIGN("Sign"),

		/** The year. */
		EXTRACT_YEAR("ExtractYear", "year"),
		/** The ISO-8601 week-numbering year. */
		EXTRACT_ISO_YEAR("ExtractIsoYear", "iso_year"),
		/** The quarter, 1 to 4. */
		EXTRACT_QUARTER("ExtractQuarter", "quarter"),
		/** The month, 1 to 12. */
		EXTRACT_MONTH("ExtractMonth", "month"),
		/** The ISO-8601 week number. */
		EXTRACT_WEEK("ExtractWeek", "week"),
		/** The weekday, 1 = Sunday ... 7 = Saturday. */
		EXTRACT_WEEK_DAY("ExtractWeekDay", "week_day"),
		/** The ISO weekday, 1 = Monday ... 7 = Sunday. */
		EXTRACT_ISO_WEEK_DAY("ExtractIsoWeekDay", "iso_week_day"),
		/** The day of the month. */
		EXTRACT_DAY("ExtractDay", "day"),
		/** The hour. */
		EXTRACT_HOUR("ExtractHour", "hour"),
		/** The minute. */
		EXTRACT_MINUTE("ExtractMinute", "minute"),
		/** The second. */
		EXTRACT_SECOND("ExtractSecond", "second"),

		/** The start of the year. */
		TRUNC_YEAR("TruncYear", "year"),
		/** The start of the quarter. */
		TRUNC_QUARTER("TruncQuarter", "quarter"),
		/** The start of the month. */
		TRUNC_MONTH("TruncMonth", "month"),
		/** The start of the ISO week (Monday). */
		TRUNC_WEEK("TruncWeek", "week"),
		/** The start of the day. */
		TRUNC_DAY("TruncDay", "day"),
		/** The start of the hour. */
		TRUNC_HOUR("TruncHour", "hour"),
		/** The start of the minute. */
		TRUNC_MINUTE("TruncMinute", "minute"),
		/** The start of the second. */
		TRUNC_SECOND("TruncSecond", "second"),
		/** The calendar day, a {@code LocalDate}. */
		TRUNC_DATE("TruncDate", "date"),
		/** The time of day, a {@code LocalTime}. */
		TRUNC_TIME("TruncTime", "time"),

		/**
		 * The distance from a point field to a point, a {@code Double}: computed by one {@code $geoNear} stage, so
		 * only in {@code annotate} and {@code alias}, and only one point per QuerySet.
		 */
		GEO_DISTANCE("GeoDistance"),
		/** The relevance of a document to the QuerySet's text search, a {@code Double}: MongoDB's textScore. */
		TEXT_SCORE("TextScore");

		private final String displayName;

		private final @Nullable String datePart;

		Function(String displayName) {
			this(displayName, null);
		}

		Function(String displayName, @Nullable String datePart) {
			this.displayName = displayName;
			this.datePart = datePart;
		}

		/** Django's class name ({@code Lower}), or the operator ({@code +}). */
		public String displayName() {
			return this.displayName;
		}

		/** The unit of an {@code Extract*} or {@code Trunc*} function ({@code year}), else null. */
		public @Nullable String datePart() {
			return this.datePart;
		}

		/** Whether this is an arithmetic operator. */
		public boolean isOperator() {
			return ordinal() <= EXPONENT.ordinal();
		}

		/** Whether this is an {@code Extract*} function. */
		public boolean isExtract() {
			return name().startsWith("EXTRACT_");
		}

		/** Whether this is a {@code Trunc*} function. */
		public boolean isTrunc() {
			return name().startsWith("TRUNC_");
		}

		/** The {@code Extract*} function of a unit ({@code "year"}), or null. */
		public static @Nullable Function extract(String part) {
			return byPart(part, true);
		}

		/** The {@code Trunc*} function of a unit ({@code "month"}), or null. */
		public static @Nullable Function trunc(String part) {
			return byPart(part, false);
		}

		private static @Nullable Function byPart(String part, boolean extract) {
			for (Function function : values()) {
				if (part.toLowerCase(Locale.ROOT).equals(function.datePart)
						&& (extract ? function.isExtract() : function.isTrunc())) {
					return function;
				}
			}
			return null;
		}

	}

	private final Function function;

	private final List<Expression> arguments;

	private final @Nullable Class<?> outputType;

	private final @Nullable ZoneId zone;

	private final @Nullable String alias;

	private Func(Function function, List<Expression> arguments, @Nullable Class<?> outputType, @Nullable ZoneId zone,
			@Nullable String alias) {
		this.function = function;
		this.arguments = List.copyOf(arguments);
		this.outputType = outputType;
		this.zone = zone;
		this.alias = alias;
	}

	/**
	 * A function over arguments, each a field name (a string), an expression, or a constant: Django's rule for
	 * function arguments ({@link #argument}).
	 */
	public static Func of(Function function, Object... arguments) {
		List<Expression> expressions = new ArrayList<>();
		for (Object argument : arguments) {
			expressions.add(argument(argument));
		}
		return new Func(function, expressions, null, null, null);
	}

	/** A function with a declared output type: {@link Function#CAST} and {@link Function#WRAPPER}. */
	public static Func typed(Function function, Class<?> outputType, Object argument) {
		Objects.requireNonNull(outputType, "outputType");
		return new Func(function, List.of(argument(argument)), outputType, null, null);
	}

	/** An {@code Extract*} or {@code Trunc*} function computed in a zone (null: the configured one). */
	public static Func inZone(Function function, Object argument, @Nullable ZoneId zone) {
		if (!function.isExtract() && !function.isTrunc()) {
			throw new IllegalArgumentException(function.displayName() + " takes no time zone");
		}
		return new Func(function, List.of(argument(argument)), null, zone, null);
	}

	/**
	 * An argument as Django reads one: a string names a field ({@code F}), an expression stays itself, anything
	 * else (a number, a date, null) is a {@link Value}.
	 */
	public static Expression argument(@Nullable Object argument) {
		if (argument instanceof Expression expression) {
			return expression;
		}
		if (argument instanceof String field) {
			return F.of(field);
		}
		return Value.of(argument);
	}

	static Func combine(Function operator, Expression left, @Nullable Object right) {
		if (!(right instanceof Number) && !(right instanceof Expression) && !(right instanceof Duration)) {
			throw new IllegalArgumentException("Arithmetic takes numbers, durations or expressions, not " + right);
		}
		Expression operand = (right instanceof Expression expression) ? expression : Value.of(right);
		return new Func(operator, List.of(left, operand), null, null, null);
	}

	/** What this function computes. */
	public Function function() {
		return this.function;
	}

	/** The arguments, in order. */
	public List<Expression> arguments() {
		return this.arguments;
	}

	/** The declared output type of a {@code Cast} or {@code ExpressionWrapper}, else null. */
	public @Nullable Class<?> outputType() {
		return this.outputType;
	}

	/** The zone of an {@code Extract*} or {@code Trunc*} function, or null for the configured one. */
	public @Nullable ZoneId zone() {
		return this.zone;
	}

	@Override
	public @Nullable String alias() {
		return this.alias;
	}

	@Override
	public Func as(String alias) {
		return new Func(this.function, this.arguments, this.outputType, this.zone, alias);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Func that && this.function == that.function && this.arguments.equals(that.arguments)
				&& Objects.equals(this.outputType, that.outputType) && Objects.equals(this.zone, that.zone)
				&& Objects.equals(this.alias, that.alias);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.function, this.arguments, this.outputType, this.zone, this.alias);
	}

	@Override
	public String toString() {
		if (this.function.isOperator()) {
			return "(" + this.arguments.get(0) + " " + this.function.displayName() + " " + this.arguments.get(1) + ")";
		}
		List<Object> shown = new ArrayList<>(this.arguments);
		if (this.outputType != null) {
			shown.add(this.outputType.getSimpleName());
		}
		if (this.zone != null) {
			shown.add(this.zone);
		}
		return this.function.displayName() + "(" + String.join(", ", shown.stream().map(String::valueOf).toList())
				+ ")";
	}
}
