package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Coalesce}: the first non-null argument, null when all are null.
 */
public final class Coalesce {

	private Coalesce() {
	}

	/** The function of at least 2 arguments: field names, expressions or constants. */
	public static Func of(Object... expressions) {
		if (expressions.length < 2) {
			throw new IllegalArgumentException("Coalesce must take at least two expressions");
		}
		return Func.of(Func.Function.COALESCE, expressions);
	}

}
