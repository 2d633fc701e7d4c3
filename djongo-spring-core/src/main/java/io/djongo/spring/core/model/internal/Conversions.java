package io.djongo.spring.core.model.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;

/**
 * The converter's conversion service, called as the converter calls it ({@code convert(value, targetType)}), with
 * the type descriptors of the source and target classes made once per class instead of once per call (what
 * {@code convert(Object, Class)} does before the same {@code convert(Object, TypeDescriptor, TypeDescriptor)}).
 * <p>
 * One shortcut: Spring Data writes every {@code Long}, {@code Integer}... through its custom writing target
 * {@code Number}, a conversion that returns the number itself. Whether it does is asked once per class, on sample
 * values ({@link #returnsItself}), and such a conversion is then skipped. Another: an {@code Instant} is written as
 * the {@code Date} that Spring Data's {@code InstantToDateConverter} makes, {@code Date.from(instant)}; whether the
 * service converts so (no other converter registered for it) is asked once, on sample instants
 * ({@link #instantToDateIsDateFrom}), and {@code Date.from} is then called directly.
 */
final class Conversions {

	private static final Map<Class<?>, List<Object>> SAMPLES = Map.of(Long.class,
			List.of(Long.valueOf(1_234_567_890_123L), Long.valueOf(-987_654_321L)), Integer.class,
			List.of(Integer.valueOf(123_456_789), Integer.valueOf(-98_765)), Double.class,
			List.of(Double.valueOf(2.5), Double.valueOf(-1e300)), Float.class,
			List.of(Float.valueOf(2.5f), Float.valueOf(-1e30f)), Short.class,
			List.of(Short.valueOf((short) 12_345), Short.valueOf((short) -1_234)), Byte.class,
			List.of(Byte.valueOf((byte) 100), Byte.valueOf((byte) -100)));

	private final ConversionService service;

	private final ClassValue<TypeDescriptor> descriptors = new ClassValue<>() {

		@Override
		protected TypeDescriptor computeValue(Class<?> type) {
			return TypeDescriptor.valueOf(type);
		}

	};

	private final Map<Class<?>, Map<Class<?>, Boolean>> itself = new ConcurrentHashMap<>();

	private volatile @Nullable Boolean instantToDate;

	Conversions(ConversionService service) {
		this.service = service;
	}

	/** {@code service.convert(value, target)}. */
	@Nullable Object convert(Object value, Class<?> target) {
		return this.service.convert(value, this.descriptors.get(value.getClass()), this.descriptors.get(target));
	}

	/** {@code service.canConvert(type, target)}. */
	boolean canConvert(Class<?> type, Class<?> target) {
		return this.service.canConvert(this.descriptors.get(type), this.descriptors.get(target));
	}

	/**
	 * Whether converting a value of this class to the target returns the value itself: a boxed number converted to a
	 * type it already is, as the sample values of its class show.
	 */
	boolean returnsItself(Class<?> type, Class<?> target) {
		Map<Class<?>, Boolean> byTarget = this.itself.computeIfAbsent(target, (key) -> new ConcurrentHashMap<>());
		Boolean result = byTarget.get(type);
		if (result == null) {
			result = probe(type, target);
			byTarget.put(type, result);
		}
		return result;
	}

	private boolean probe(Class<?> type, Class<?> target) {
		List<Object> samples = SAMPLES.get(type);
		if (samples == null || !target.isAssignableFrom(type)) {
			return false;
		}
		try {
			for (Object sample : samples) {
				if (convert(sample, target) != sample) {
					return false;
				}
			}
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** Whether the service converts an {@code Instant} to a {@code Date} as {@code Date.from(instant)}. */
	boolean instantToDateIsDateFrom() {
		Boolean result = this.instantToDate;
		if (result == null) {
			result = probeInstantToDate();
			this.instantToDate = result;
		}
		return result;
	}

	private boolean probeInstantToDate() {
		// millisecond and sub-millisecond parts, before and after the epoch: what a truncating or zone-shifting
		// converter would change
		List<Instant> samples = List.of(Instant.EPOCH, Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
				Instant.ofEpochSecond(-3_155_760_000L, 999_999_999), Instant.ofEpochMilli(-1));
		try {
			for (Instant sample : samples) {
				Object converted = convert(sample, Date.class);
				if (converted == null || converted.getClass() != Date.class || !converted.equals(Date.from(sample))) {
					return false;
				}
			}
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
