package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Sign}: -1, 0 or 1, of the argument's type; null stays null.
 */
public final class Sign {

	private Sign() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.SIGN, expression);
	}

}
