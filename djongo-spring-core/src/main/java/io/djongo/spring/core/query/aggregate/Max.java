package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Aggregate;

/**
 * Django's {@code Max}: the largest non-null value; null on empty input.
 */
public final class Max {

	private Max() {
	}

	/** The aggregate over a field, by lookup path. */
	public static Aggregate of(String field) {
		return Aggregate.of(Aggregate.Function.MAX, field);
	}

}
