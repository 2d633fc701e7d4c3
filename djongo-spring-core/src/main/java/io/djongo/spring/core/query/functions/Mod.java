package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Mod}: the remainder of a division, with the sign of the dividend; a float (a decimal
 * for decimals); null stays null.
 */
public final class Mod {

	private Mod() {
	}

	/** The remainder of {@code expression1} divided by {@code expression2}. */
	public static Func of(Object expression1, Object expression2) {
		return Func.of(Func.Function.MOD, expression1, expression2);
	}

}
