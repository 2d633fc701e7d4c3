package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Power}: a power, a float (a decimal for decimals); null stays null.
 */
public final class Power {

	private Power() {
	}

	/** {@code expression1} to the power of {@code expression2}. */
	public static Func of(Object expression1, Object expression2) {
		return Func.of(Func.Function.POWER, expression1, expression2);
	}

}
