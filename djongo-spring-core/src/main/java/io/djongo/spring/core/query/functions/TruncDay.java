package io.djongo.spring.core.query.functions;

import java.time.ZoneId;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code TruncDay}: the start of the day, of the argument's type, in the configured zone
 * ({@code djongo.time-zone}, UTC by default) or the one given; null stays null.
 */
public final class TruncDay {

	private TruncDay() {
	}

	/** The date or date-time field (or expression) truncated in the configured zone. */
	public static Func of(Object expression) {
		return Func.inZone(Func.Function.TRUNC_DAY, expression, null);
	}

	/** The date-time field (or expression) truncated in a zone. */
	public static Func of(Object expression, ZoneId zone) {
		return Func.inZone(Func.Function.TRUNC_DAY, expression, zone);
	}

}
