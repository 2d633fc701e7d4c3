package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Concat}: the arguments joined into one string; a null argument counts as an empty
 * string, as Django makes it on PostgreSQL. Text arguments only: convert others with {@link Cast}.
 */
public final class Concat {

	private Concat() {
	}

	/** The function of at least 2 arguments: field names, expressions or constants. */
	public static Func of(Object... expressions) {
		if (expressions.length < 2) {
			throw new IllegalArgumentException("Concat must take at least two expressions");
		}
		return Func.of(Func.Function.CONCAT, expressions);
	}

}
