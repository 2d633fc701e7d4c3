package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code NullIf}: null when both arguments are equal, else the first.
 */
public final class NullIf {

	private NullIf() {
	}

	/** Null when the two arguments (field names, expressions or constants) are equal, else the first. */
	public static Func of(Object expression1, Object expression2) {
		return Func.of(Func.Function.NULLIF, expression1, expression2);
	}

}
