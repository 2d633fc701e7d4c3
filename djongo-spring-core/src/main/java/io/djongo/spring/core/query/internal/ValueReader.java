package io.djongo.spring.core.query.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.util.ClassUtils;
import org.springframework.util.NumberUtils;
import org.springframework.util.StringUtils;

/**
 * Reads single values out of stored documents for {@code values()} and annotations, converted to the field's Java
 * type by the same conversion service and converter that read whole models.
 */
final class ValueReader {

	private final MongoConverter converter;

	private final ConversionService conversions;

	ValueReader(MongoConverter converter) {
		this.converter = converter;
		this.conversions = converter.getConversionService();
	}

	/** The value at a target's stored path: a list of values when the path crosses a list. */
	@Nullable Object read(Document document, Target target) {
		Object raw = extract(document, target.storedPath());
		if (target.annotation()) {
			return computed(raw, target.valueType());
		}
		if (target.isMultiValued() && raw instanceof List<?> list && target.kind() != FieldDescriptor.Kind.VALUES) {
			List<Object> values = new ArrayList<>(list.size());
			for (Object element : list) {
				values.add(convert(element, target));
			}
			return values;
		}
		return convert(raw, target);
	}

	private @Nullable Object convert(@Nullable Object raw, Target target) {
		if (raw == null) {
			return null;
		}
		if (target.kind() == FieldDescriptor.Kind.VALUES || target.kind() == FieldDescriptor.Kind.ARRAY) {
			if (raw instanceof List<?> list) {
				List<Object> values = new ArrayList<>(list.size());
				for (Object element : list) {
					values.add(single(element, target.valueType()));
				}
				return values;
			}
		}
		return single(raw, target.valueType());
	}

	private @Nullable Object single(@Nullable Object raw, Class<?> type) {
		if (raw == null) {
			return null;
		}
		Class<?> target = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (raw instanceof Document document && target != Object.class && !target.isInstance(raw)) {
			return this.converter.read(target, document);
		}
		if (target.isInstance(raw) || target == Object.class) {
			return plain(raw);
		}
		if (this.conversions.canConvert(raw.getClass(), target)) {
			return this.conversions.convert(raw, target);
		}
		return raw;
	}

	/**
	 * A computed value (an annotation, an aggregate) as the Java type of its expression: a truncated date as a
	 * {@code LocalDate} or {@code Instant}, a time of day (milliseconds) as a {@code LocalTime}, a duration
	 * (milliseconds) as a {@code Duration}, a whole float where an integer is computed as an integer; counts and
	 * unknown types as the server sent them.
	 */
	@Nullable Object computed(@Nullable Object raw, @Nullable Class<?> type) {
		Object value = plain(raw);
		if (value == null || type == null || type == Object.class || type == Number.class || type == Void.class
				|| ClassUtils.resolvePrimitiveIfNecessary(type).isInstance(value)) {
			return value;
		}
		if (type == LocalDate.class && value instanceof Instant instant) {
			return LocalDate.ofInstant(instant, ZoneOffset.UTC);
		}
		if (type == LocalDateTime.class && value instanceof Instant instant) {
			return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		}
		if (type == LocalTime.class && value instanceof Number millis) {
			return LocalTime.ofNanoOfDay(millis.longValue() * 1_000_000L);
		}
		if (type == Duration.class && value instanceof Number millis) {
			return Duration.ofMillis(millis.longValue());
		}
		Class<?> target = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (value instanceof Number number && Number.class.isAssignableFrom(target)) {
			if (target == BigDecimal.class) {
				return (number instanceof Double || number instanceof Float) ? BigDecimal.valueOf(number.doubleValue())
						: new BigDecimal(number.toString());
			}
			return NumberUtils.convertNumberToTargetClass(
					(number instanceof Double || number instanceof Float || number instanceof BigDecimal)
							? BigDecimal.valueOf(number.doubleValue()).setScale(0, RoundingMode.DOWN) : number,
					target.asSubclass(Number.class));
		}
		if (this.conversions.canConvert(value.getClass(), target)) {
			return this.conversions.convert(value, target);
		}
		return value;
	}

	/** BSON-only types as their Java counterparts: Decimal128 as BigDecimal, dates as Instant. */
	static @Nullable Object plain(@Nullable Object raw) {
		if (raw instanceof Decimal128 decimal) {
			return decimal.bigDecimalValue();
		}
		if (raw instanceof Date date) {
			return date.toInstant();
		}
		return raw;
	}

	/** The value at a dotted path, collecting from every element of the lists it crosses. */
	static @Nullable Object extract(@Nullable Object value, String path) {
		Object current = value;
		for (String part : StringUtils.delimitedListToStringArray(path, ".")) {
			current = step(current, part);
		}
		return current;
	}

	private static @Nullable Object step(@Nullable Object current, String part) {
		if (current instanceof Document document) {
			return document.get(part);
		}
		if (current instanceof List<?> list) {
			List<Object> values = new ArrayList<>();
			for (Object element : list) {
				Object next = step(element, part);
				if (next instanceof List<?> nested) {
					values.addAll(nested);
				}
				else if (next != null) {
					values.add(next);
				}
			}
			return values;
		}
		return null;
	}

}
