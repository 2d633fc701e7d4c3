package io.djongo.spring.core.query.functions;

import java.time.ZoneId;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code TruncYear}: the start of the year, of the argument's type, in the configured zone
 * ({@code djongo.time-zone}, UTC by default) or the one given; null stays null.
 */
public final class TruncYear {

	private TruncYear() {
	}

	/** The date or date-time field (or expression) truncated in the configured zone. */
	public static Func of(Object expression) {
		return Func.inZone(Func.Function.TRUNC_YEAR, expression, null);
	}

	/** The date-time field (or expression) truncated in a zone. */
	public static Func of(Object expression, ZoneId zone) {
		return Func.inZone(Func.Function.TRUNC_YEAR, expression, zone);
	}

}
