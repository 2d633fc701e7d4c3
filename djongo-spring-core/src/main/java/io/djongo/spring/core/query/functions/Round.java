package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code Round}: rounded half away from zero (PostgreSQL's numeric rounding) to a number of
 * decimal places, of the argument's type; null stays null. Floats are rounded as their 15-digit decimal form, as
 * PostgreSQL casts them, which takes MongoDB's {@code $toDecimal} (not on the embedded server).
 */
public final class Round {

	private Round() {
	}

	/** Rounded to an integer value. */
	public static Func of(Object expression) {
		return of(expression, 0);
	}

	/** Rounded to {@code precision} decimal places (negative: tens, hundreds, ...). */
	public static Func of(Object expression, int precision) {
		return Func.of(Func.Function.ROUND, expression, precision);
	}

}
