package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Substr}: the characters from a 1-based position, for a length or to the end; null stays
 * null.
 */
public final class Substr {

	private Substr() {
	}

	/** The characters of the expression from {@code pos} (1-based, an int or an expression) to the end. */
	public static Func of(Object expression, Object pos) {
		checkPos(pos);
		return Func.of(Func.Function.SUBSTR, expression, pos);
	}

	/** The characters of the expression from {@code pos} (1-based), {@code length} of them. */
	public static Func of(Object expression, Object pos, Object length) {
		checkPos(pos);
		return Func.of(Func.Function.SUBSTR, expression, pos, length);
	}

	private static void checkPos(Object pos) {
		if (pos instanceof Number number && number.longValue() <= 0) {
			throw new IllegalArgumentException("'pos' must be greater than 0");
		}
	}

}
