package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Trim}: without leading and trailing spaces (spaces only, as PostgreSQL trims); null
 * stays null. MongoDB's {@code $trim}, which the embedded server lacks.
 */
public final class Trim {

	private Trim() {
	}

	/** The function of a field name or an expression. */
	public static Func of(Object expression) {
		return Func.of(Func.Function.TRIM, expression);
	}

}
