package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code StrIndex}: the 1-based position of the first occurrence of a text, 0 when absent; null
 * stays null. The text is a field name or an expression, as in Django: {@code StrIndex.of("name", Value.of("R."))}.
 */
public final class StrIndex {

	private StrIndex() {
	}

	/** Where {@code substring} first occurs in {@code string}. */
	public static Func of(Object string, Object substring) {
		return Func.of(Func.Function.STRINDEX, string, substring);
	}

}
