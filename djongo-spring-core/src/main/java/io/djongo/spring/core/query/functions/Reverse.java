package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Reverse}: the characters in reverse order; null stays null.
 */
public final class Reverse {

	private Reverse() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.REVERSE, expression);
	}

}
