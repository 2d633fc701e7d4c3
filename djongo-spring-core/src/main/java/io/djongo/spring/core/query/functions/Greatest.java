package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Greatest}: the largest argument; nulls are ignored, as on PostgreSQL, and only
 * all-null arguments give null.
 */
public final class Greatest {

	private Greatest() {
	}

	/** The function of at least 2 arguments: field names, expressions or constants. */
	public static Func of(Object... expressions) {
		if (expressions.length < 2) {
			throw new IllegalArgumentException("Greatest must take at least two expressions");
		}
		return Func.of(Func.Function.GREATEST, expressions);
	}

}
