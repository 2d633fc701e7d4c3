package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Abs}: the absolute value, of the argument's type; null stays null.
 */
public final class Abs {

	private Abs() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.ABS, expression);
	}

}
