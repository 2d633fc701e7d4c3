package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Cast}: an expression converted to a Java type on the server: {@code Integer},
 * {@code Long}, {@code Double}, {@code BigDecimal}, {@code String}, {@code Boolean}, {@code Instant},
 * {@code LocalDate}. Numbers cast to integers round half away from zero, as PostgreSQL casts them.
 */
public final class Cast {

	private Cast() {
	}

	/** The expression (or field name) converted to the type. */
	public static Func of(Object expression, Class<?> type) {
		return Func.typed(Func.Function.CAST, type, expression);
	}

}
