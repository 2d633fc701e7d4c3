package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Ceil}: the smallest integer not below, of the argument's type; null stays null.
 */
public final class Ceil {

	private Ceil() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.CEIL, expression);
	}

}
