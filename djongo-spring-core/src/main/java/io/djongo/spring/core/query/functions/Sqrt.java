package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Sqrt}: the square root, a float (a decimal for decimals); null stays null.
 */
public final class Sqrt {

	private Sqrt() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.SQRT, expression);
	}

}
