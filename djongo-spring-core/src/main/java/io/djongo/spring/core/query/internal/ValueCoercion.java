package io.djongo.spring.core.query.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Date;
import java.util.function.Supplier;

import io.djongo.spring.core.query.InvalidLookupException;
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
			return value;
		}
		if (target == String.class) {
			// As Django's str(value): whatever it is, a value compared with a string is a literal string.
			return String.valueOf(value);
		}
		if (!finiteOrFloating(value, target)) {
			// Spring's number conversion reads NaN as 0: a NaN must never match a stored 0
			throw mismatch(value, target, where, null);
		}
		Object temporal = temporal(value, target, zone);
		if (temporal != null) {
			return temporal;
		}
		try {
			if (this.conversions.canConvert(value.getClass(), target)) {
				Object converted = this.conversions.convert(value, target);
				if (converted != null) {
					return converted;
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
