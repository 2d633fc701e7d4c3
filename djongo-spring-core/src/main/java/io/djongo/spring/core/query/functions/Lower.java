package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Lower}: the text in lower case, character by character over Unicode as PostgreSQL does
 * in a UTF-8 database; null stays null.
 */
public final class Lower {

	private Lower() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.LOWER, expression);
	}

}
