package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.Expression;

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

	/** The aggregate over an expression computed per document. */
	public static Aggregate of(Expression expression) {
		return Aggregate.of(Aggregate.Function.AVG, expression);
	}

}
