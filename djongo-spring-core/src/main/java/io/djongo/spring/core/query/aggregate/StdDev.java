package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.Expression;

/**
 * Django's {@code StdDev}: the standard deviation of the non-null values, of the population by default and of the sample with
 * {@code sample()}; null on empty input. MongoDB's {@code $stdDevPop}/{@code $stdDevSamp}, which the embedded server
 * lacks.
 */
public final class StdDev {

	private StdDev() {
	}

	/** The aggregate over a field, by lookup path. */
	public static Aggregate of(String field) {
		return Aggregate.of(Aggregate.Function.STD_DEV, field);
	}

	/** The aggregate over an expression computed per document. */
	public static Aggregate of(Expression expression) {
		return Aggregate.of(Aggregate.Function.STD_DEV, expression);
	}

}
