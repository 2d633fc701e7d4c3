package io.djongo.spring.core.query.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Func;
import org.springframework.util.ClassUtils;

/**
 * Django's output-field rules, on Java types: what type an expression produces, so that integer division truncates,
 * {@code Avg} of integers is a float, a result is read as the right type, and mixed types fail as Django fails
 * ("Expression contains mixed types ... You must set output_field"). {@code Object} is an unknown type (a map value,
 * an outer reference), which mixes with anything; {@link Void} is SQL's NULL ({@code Value.of(null)}).
 */
final class ExpressionTypes {

	/** The type of {@code Value.of(null)}: mixes with anything and gives the other side's type. */
	static final Class<?> NULL = Void.class;

	/** What a Java type is, for the rules. */
	enum Kind {

		INTEGER, FLOAT, DECIMAL, TEXT, BOOLEAN, DATE_TIME, DATE, TIME, DURATION, NULL, UNKNOWN;

		boolean isNumber() {
			return this == INTEGER || this == FLOAT || this == DECIMAL;
		}

		boolean isTemporal() {
			return this == DATE_TIME || this == DATE;
		}

	}

	private ExpressionTypes() {
	}

	static Kind kind(Class<?> type) {
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == Void.class) {
			return Kind.NULL;
		}
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
				|| boxed == BigInteger.class || boxed == Number.class) {
			// Number: a count, whose exact type the server chooses
			return Kind.INTEGER;
		}
		if (boxed == Double.class || boxed == Float.class) {
			return Kind.FLOAT;
		}
		if (boxed == BigDecimal.class) {
			return Kind.DECIMAL;
		}
		if (boxed == String.class || boxed == Character.class || boxed.isEnum()) {
			return Kind.TEXT;
		}
		if (boxed == Boolean.class) {
			return Kind.BOOLEAN;
		}
		if (boxed == Instant.class || boxed == Date.class || boxed == LocalDateTime.class
				|| boxed == OffsetDateTime.class || boxed == ZonedDateTime.class) {
			return Kind.DATE_TIME;
		}
		if (boxed == LocalDate.class) {
			return Kind.DATE;
		}
		if (boxed == LocalTime.class) {
			return Kind.TIME;
		}
		if (boxed == Duration.class) {
			return Kind.DURATION;
		}
		return Kind.UNKNOWN;
	}

	/** Whether values of the type are naive: dates and date-times without a zone, stored as if in UTC. */
	static boolean isNaive(Class<?> type) {
		return type == LocalDate.class || type == LocalDateTime.class;
	}

	/**
	 * The type of {@code left <operator> right}: Django's combinators (integer with integer is an integer, with a
	 * decimal a decimal, with a float a float; a date-time minus a date-time is a duration; a date-time plus or minus
	 * a duration is a date-time); null or unknown on one side gives the other's.
	 * @throws FieldError for types Django cannot combine without an output field
	 */
	static Class<?> arithmetic(Func.Function operator, Class<?> left, Class<?> right) {
		Kind l = kind(left);
		Kind r = kind(right);
		if (l == Kind.NULL || l == Kind.UNKNOWN) {
			return (r == Kind.NULL) ? Object.class : right;
		}
		if (r == Kind.NULL || r == Kind.UNKNOWN) {
			return left;
		}
		if (l.isNumber() && r.isNumber()) {
			if (l == r) {
				return (l == Kind.INTEGER) ? widerInteger(left, right) : left;
			}
			if (l == Kind.INTEGER || r == Kind.INTEGER) {
				return (l == Kind.INTEGER) ? right : left;
			}
		}
		boolean additive = operator == Func.Function.ADD || operator == Func.Function.SUBTRACT;
		if (additive && l.isTemporal() && r == Kind.DURATION) {
			return left;
		}
		if (operator == Func.Function.ADD && l == Kind.DURATION && r.isTemporal()) {
			return right;
		}
		if (operator == Func.Function.SUBTRACT && l.isTemporal() && l == r) {
			return Duration.class;
		}
		if (additive && l == Kind.DURATION && r == Kind.DURATION) {
			return Duration.class;
		}
		throw new FieldError("Cannot infer type of '" + operator.displayName() + "' expression involving these types: "
				+ left.getSimpleName() + ", " + right.getSimpleName()
				+ ". You must set output_field: wrap it in ExpressionWrapper.of(expression, type)");
	}

	private static Class<?> widerInteger(Class<?> left, Class<?> right) {
		Class<?> l = ClassUtils.resolvePrimitiveIfNecessary(left);
		Class<?> r = ClassUtils.resolvePrimitiveIfNecessary(right);
		if (l == Long.class || r == Long.class) {
			return Long.class;
		}
		if (l == Number.class || r == Number.class) {
			return Number.class;
		}
		return Integer.class;
	}

	/**
	 * The one type of several sources (the arguments of {@code Coalesce}, {@code Greatest}, the results of a
	 * {@code Case}): Django's "Expression contains mixed types" unless they are of one kind. Integers of several
	 * widths are one kind, as are the date-time types.
	 */
	static Class<?> common(List<Class<?>> types, String where) {
		Class<?> result = null;
		Set<String> names = new LinkedHashSet<>();
		Set<Kind> kinds = new LinkedHashSet<>();
		for (Class<?> type : types) {
			Kind kind = kind(type);
			if (kind == Kind.NULL || kind == Kind.UNKNOWN) {
				continue;
			}
			names.add(ClassUtils.resolvePrimitiveIfNecessary(type).getSimpleName());
			kinds.add(kind);
			result = (result == null) ? type : (kind == Kind.INTEGER) ? widerInteger(result, type) : result;
		}
		if (kinds.size() > 1) {
			throw new FieldError(where + ": Expression contains mixed types: " + String.join(", ", names)
					+ ". You must set output_field: wrap it in ExpressionWrapper.of(expression, type) or Cast.of(...)");
		}
		if (result != null) {
			return result;
		}
		for (Class<?> type : types) {
			if (kind(type) == Kind.UNKNOWN) {
				return Object.class;
			}
		}
		return NULL;
	}

	/** Django's {@code NumericOutputFieldMixin}: a decimal when a source is one, else a float. */
	static Class<?> numeric(List<Class<?>> types) {
		List<Kind> kinds = new ArrayList<>();
		types.forEach((type) -> kinds.add(kind(type)));
		return kinds.contains(Kind.DECIMAL) ? BigDecimal.class : Double.class;
	}

}
