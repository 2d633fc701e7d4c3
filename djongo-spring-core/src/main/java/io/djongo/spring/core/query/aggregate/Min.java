package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Aggregate;

/**
 * Django's {@code Min}: the smallest non-null value; null on empty input.
 */
public final class Min {

	private Min() {
	}

	/** The aggregate over a field, by lookup path. */
	public static Aggregate of(String field) {
		return Aggregate.of(Aggregate.Function.MIN, field);
	}

}
