package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.Expression;

/**
 * Django's {@code Variance}: the variance of the non-null values, of the population by default and of the sample with
 * {@code sample()}; null on empty input. MongoDB's {@code $stdDevPop}/{@code $stdDevSamp}, which the embedded server
 * lacks.
 */
public final class Variance {

	private Variance() {
	}

	/** The aggregate over a field, by lookup path. */
	public static Aggregate of(String field) {
		return Aggregate.of(Aggregate.Function.VARIANCE, field);
	}

	/** The aggregate over an expression computed per document. */
	public static Aggregate of(Expression expression) {
		return Aggregate.of(Aggregate.Function.VARIANCE, expression);
	}

}
