package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.Expression;

/**
 * Django's {@code Count}: how many non-null values; 0 on empty input.
 */
public final class Count {

	private Count() {
	}

	/** The aggregate over a field, by lookup path. */
	public static Aggregate of(String field) {
		return Aggregate.of(Aggregate.Function.COUNT, field);
	}

	/** The aggregate over an expression computed per document. */
	public static Aggregate of(Expression expression) {
		return Aggregate.of(Aggregate.Function.COUNT, expression);
	}

}
