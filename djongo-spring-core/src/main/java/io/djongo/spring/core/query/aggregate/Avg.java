package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Aggregate;

/**
 * Django's {@code Avg}: the mean of the non-null values; null on empty input.
 */
public final class Avg {

	private Avg() {
	}

	/** The aggregate over a field, by lookup path. */
	public static Aggregate of(String field) {
		return Aggregate.of(Aggregate.Function.AVG, field);
	}

}
