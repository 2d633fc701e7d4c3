package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Right}: the last {@code length} characters; null stays null.
 */
public final class Right {

	private Right() {
	}

	/** The characters of the expression; {@code length} is an int above 0 or an expression. */
	public static Func of(Object expression, Object length) {
		if (length instanceof Number number && number.longValue() < 1) {
			throw new IllegalArgumentException("'length' must be greater than 0.");
		}
		return Func.of(Func.Function.RIGHT, expression, length);
	}

}
