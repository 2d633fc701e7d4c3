package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Length}: the number of characters (code points); null stays null.
 */
public final class Length {

	private Length() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.LENGTH, expression);
	}

}
