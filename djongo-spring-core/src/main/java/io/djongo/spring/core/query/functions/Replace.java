package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;
import io.djongo.spring.core.query.Value;

/**
 * Django's {@code Replace}: every occurrence of a text replaced, case-sensitively; null stays null. The text
 * and its replacement are field names or expressions, as in Django: {@code Replace.of("name", Value.of("R. R. "))}.
 */
public final class Replace {

	private Replace() {
	}

	/** The expression with every occurrence of {@code text} removed. */
	public static Func of(Object expression, Object text) {
		return of(expression, text, Value.of(""));
	}

	/** The expression with every occurrence of {@code text} replaced by {@code replacement}. */
	public static Func of(Object expression, Object text, Object replacement) {
		return Func.of(Func.Function.REPLACE, expression, text, replacement);
	}

}
