package io.djongo.spring.core.model.internal;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A decision about values of a class, remembered for the last class seen: where a plan reads or writes one
 * property, its values are nearly always of one class, and this spares a map lookup per value. Safe across threads:
 * each entry is immutable, and a lost update only costs deciding again.
 *
 * @param <V> the decision
 */
final class LastClass<V> {

	private final Function<Class<?>, V> decide;

	private volatile @Nullable Entry<V> last;

	LastClass(Function<Class<?>, V> decide) {
		this.decide = decide;
	}

	V get(Class<?> type) {
		Entry<V> entry = this.last;
		if (entry != null && entry.type() == type) {
			return entry.value();
		}
		V value = this.decide.apply(type);
		this.last = new Entry<>(type, value);
		return value;
	}

	private record Entry<V>(Class<?> type, V value) {
	}

}
