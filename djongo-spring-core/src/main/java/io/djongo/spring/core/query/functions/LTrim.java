package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code LTrim}: without leading spaces; null stays null. MongoDB's {@code $ltrim}, which the
 * embedded server lacks.
 */
public final class LTrim {

	private LTrim() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.LTRIM, expression);
	}

}
