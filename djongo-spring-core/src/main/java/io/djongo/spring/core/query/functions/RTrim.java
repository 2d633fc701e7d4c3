package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code RTrim}: without trailing spaces; null stays null. MongoDB's {@code $rtrim}, which the
 * embedded server lacks.
 */
public final class RTrim {

	private RTrim() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.RTRIM, expression);
	}

}
