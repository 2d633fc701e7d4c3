package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Floor}: the largest integer not above, of the argument's type; null stays null.
 */
public final class Floor {

	private Floor() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.FLOOR, expression);
	}

}
