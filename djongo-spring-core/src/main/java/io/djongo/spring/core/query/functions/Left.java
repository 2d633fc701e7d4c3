package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Left}: the first {@code length} characters; null stays null.
 */
public final class Left {

	private Left() {
	}

	/** The characters of the expression; {@code length} is an int above 0 or an expression. */
	public static Func of(Object expression, Object length) {
		if (length instanceof Number number && number.longValue() < 1) {
			throw new IllegalArgumentException("'length' must be greater than 0.");
		}
		return Func.of(Func.Function.LEFT, expression, length);
	}

}
