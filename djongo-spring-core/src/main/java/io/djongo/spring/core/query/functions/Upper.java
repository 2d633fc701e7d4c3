package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Upper}: the text in upper case, character by character over Unicode as PostgreSQL does
 * in a UTF-8 database ({@code ß} stays {@code ß}); null stays null.
 */
public final class Upper {

	private Upper() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.UPPER, expression);
	}

}
