package io.djongo.spring.core.query.internal;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Date;
import java.util.Set;
import java.util.function.Supplier;

import io.djongo.spring.core.query.InvalidLookupException;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.util.ClassUtils;

/**
 * Turns a user's lookup value into the Java type of the field and then into its stored BSON form, with the same
 * converter that writes documents. A value that does not fit fails with a message naming the lookup, the expected
 * type and the value; it is never passed on as it is.
 */
final class ValueCoercion {

	private final MongoConverter converter;

	private final ConversionService conversions;

	/** The number types converted exactly, or refused; others are Spring's to convert. */
	private static final Set<Class<?>> NUMBERS = Set.of(Byte.class, Short.class, Integer.class, Long.class,
			Float.class, Double.class, BigInteger.class, BigDecimal.class);

	/** The most digits of an integer worth converting: Decimal128's largest exponent plus its 34 digits. */
	private static final int MAX_INTEGER_DIGITS = 6145;

	/** The largest double below which every integer is exact (2^53). */
	private static final double EXACT_DOUBLE_INTEGERS = 0x1p53;

	ValueCoercion(MongoConverter converter) {
		this.converter = converter;
		this.conversions = converter.getConversionService();
	}

	/**
	 * The value as an instance of the type.
	 * @param where describes the lookup for error messages, e.g. "Post.rating__gt"
	 */
	Object toJava(Object value, Class<?> type, ZoneId zone, Supplier<String> where) {
		Class<?> target = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (target.isInstance(value) || target == Object.class) {
			return fitsDecimal128(value, where);
		}
		if (target == String.class) {
			// As Django's str(value): whatever it is, a value compared with a string is a literal string.
			return String.valueOf(value);
		}
		if (!finiteOrFloating(value, target)) {
			// Spring's number conversion reads NaN as 0: a NaN must never match a stored 0
			throw mismatch(value, target, where, null);
		}
		if (value instanceof Number number && NUMBERS.contains(target)) {
			// Spring's number conversion truncates 1.5 to 1 and saturates 1e30 to Long.MAX_VALUE: a value must fit exactly
			return fitsDecimal128(exactNumber(number, target, where), where);
		}
		Object temporal = temporal(value, target, zone);
		if (temporal != null) {
			return temporal;
		}
		try {
			if (this.conversions.canConvert(value.getClass(), target)) {
				Object converted = this.conversions.convert(value, target);
				if (converted != null) {
					return fitsDecimal128(converted, where);
				}
			}
		}
		catch (ConversionException | IllegalArgumentException ex) {
			throw mismatch(value, target, where, ex);
		}
		throw mismatch(value, target, where, null);
	}

	private static boolean finiteOrFloating(Object value, Class<?> target) {
		boolean nonFinite = (value instanceof Double number && !Double.isFinite(number))
				|| (value instanceof Float single && !Float.isFinite(single));
		return !nonFinite || target == Double.class || target == Float.class;
	}

	/**
	 * A number as the numeric type of a field, or the reason it cannot be one: a fractional part or a value out of
	 * range for an integral type, an integer a floating type cannot hold exactly, an overflow to infinity. A
	 * floating or decimal value for a floating field becomes its nearest value, as Django's {@code float(value)}.
	 */
	private static Number exactNumber(Number value, Class<?> target, Supplier<String> where) {
		boolean floating = value instanceof Double || value instanceof Float;
		if (target == Double.class || target == Float.class) {
			double nearest = value.doubleValue();
			Number result = (target == Double.class) ? (Number) nearest : (Number) (float) nearest;
			if (Double.isInfinite(result.doubleValue()) && !(floating && Double.isInfinite(nearest))) {
				throw inexact(value, target, where, "out of range");
			}
			if (!floating && !(value instanceof BigDecimal) && !exactInteger(value, result)) {
				throw inexact(value, target, where, "not exactly representable");
			}
			return result;
		}
		BigDecimal decimal = (value instanceof BigDecimal big) ? big
				: (value instanceof BigInteger big) ? new BigDecimal(big)
						: floating ? new BigDecimal(value.doubleValue()) : BigDecimal.valueOf(value.longValue());
		if (target == BigDecimal.class) {
			// the decimal the value prints as (0.1, not 0.1000000000000000055...), as Spring converts it
			return floating ? new BigDecimal(value.toString()) : decimal;
		}
		if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
			throw inexact(value, target, where, "a fractional part");
		}
		// digits before the point: bounds the work of toBigInteger for values such as 1E+999999999
		int digits = decimal.precision() - decimal.scale();
		if (digits > ((target == BigInteger.class) ? MAX_INTEGER_DIGITS : 20)) {
			throw inexact(value, target, where, "out of range");
		}
		BigInteger whole = decimal.toBigInteger();
		if (target == BigInteger.class) {
			return whole;
		}
		int bits = (target == Long.class) ? 63 : (target == Integer.class) ? 31 : (target == Short.class) ? 15 : 7;
		if (whole.bitLength() > bits) {
			throw inexact(value, target, where, "out of range");
		}
		// no conditional expression here: it would promote every branch to long
		long exact = whole.longValue();
		if (target == Long.class) {
			return exact;
		}
		if (target == Integer.class) {
			return (int) exact;
		}
		return (target == Short.class) ? (Number) (short) exact : (Number) (byte) exact;
	}

	/** Whether an integer value (Byte to Long, BigInteger) came through a floating conversion unchanged. */
	private static boolean exactInteger(Number value, Number converted) {
		double result = converted.doubleValue();
		if (Math.abs(result) < EXACT_DOUBLE_INTEGERS) {
			return (value instanceof BigInteger big) ? big.equals(BigInteger.valueOf((long) result))
					: value.longValue() == (long) result;
		}
		BigInteger exact = (value instanceof BigInteger big) ? big : BigInteger.valueOf(value.longValue());
		return new BigDecimal(result).toBigIntegerExact().equals(exact);
	}

	/**
	 * The value, when it is a decimal the converter stores as a Decimal128 that holds it exactly: at most 34
	 * significant digits and an exponent within Decimal128's range.
	 */
	private Object fitsDecimal128(Object value, Supplier<String> where) {
		if (!(value instanceof BigDecimal) && !(value instanceof BigInteger)) {
			return value;
		}
		Class<?> stored = this.converter.getCustomConversions().getCustomWriteTarget(value.getClass()).orElse(null);
		if (stored != Decimal128.class) {
			return value;
		}
		BigDecimal decimal = (value instanceof BigInteger big) ? new BigDecimal(big) : (BigDecimal) value;
		try {
			new Decimal128(decimal);
			return value;
		}
		catch (NumberFormatException | ArithmeticException | AssertionError ex) {
			throw new InvalidLookupException(where.get() + " got '" + Shown.value(value) + "' ("
					+ value.getClass().getSimpleName() + "), which is stored as a Decimal128 and cannot be one exactly:"
					+ " a Decimal128 holds at most 34 significant digits, with an exponent from -6176 to 6111");
		}
	}

	/** The stored BSON form of a Java value of the field's type. */
	@Nullable Object toBson(Object javaValue, Class<?> type) {
		return this.converter.convertToMongoType(javaValue, TypeInformation.of(type));
	}

	private static InvalidLookupException mismatch(Object value, Class<?> target, Supplier<String> where,
			@Nullable Throwable cause) {
		String message = where.get() + " expected a " + target.getSimpleName() + " but got '" + Shown.value(value)
				+ "' (" + value.getClass().getSimpleName() + ")";
		return (cause != null) ? new InvalidLookupException(message, cause) : new InvalidLookupException(message);
	}

	/** As {@link #mismatch(Object, Class, Supplier, Throwable)}, with why the value cannot be one exactly. */
	private static InvalidLookupException inexact(Object value, Class<?> target, Supplier<String> where,
			String reason) {
		return new InvalidLookupException(where.get() + " expected a " + target.getSimpleName() + " but got '"
				+ Shown.value(value) + "' (" + value.getClass().getSimpleName() + "), which a "
				+ target.getSimpleName() + " cannot hold exactly: " + reason);
	}

	/** ISO text for java.time types, and a calendar day where a date-time is expected (its start, in the zone). */
	private static @Nullable Object temporal(Object value, Class<?> target, ZoneId zone) {
		if (!Temporal.class.isAssignableFrom(target) && target != Date.class) {
			return null;
		}
		Object source = value;
		if (value instanceof CharSequence text && Temporal.class.isAssignableFrom(target)) {
			source = parse(text.toString(), target);
			if (source == null && target != LocalDate.class) {
				source = parse(text.toString(), LocalDate.class);
			}
			if (source == null) {
				return null;
			}
			if (target.isInstance(source)) {
				return source;
			}
		}
		if (source instanceof LocalDate day) {
			ZonedDateTime start = day.atStartOfDay(zone);
			if (target == Instant.class) {
				return start.toInstant();
			}
			if (target == Date.class) {
				return Date.from(start.toInstant());
			}
			if (target == LocalDateTime.class) {
				return day.atStartOfDay();
			}
			if (target == OffsetDateTime.class) {
				return start.toOffsetDateTime();
			}
			if (target == ZonedDateTime.class) {
				return start;
			}
		}
		return null;
	}

	private static @Nullable Object parse(String text, Class<?> type) {
		try {
			Method parse = type.getMethod("parse", CharSequence.class);
			if (Modifier.isStatic(parse.getModifiers())) {
				return parse.invoke(null, text);
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
		return null;
	}

}
