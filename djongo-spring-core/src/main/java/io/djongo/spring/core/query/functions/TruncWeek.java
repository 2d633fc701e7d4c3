package io.djongo.spring.core.query.functions;

import java.time.ZoneId;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code TruncWeek}: the start of the ISO week, a Monday, of the argument's type, in the configured zone
 * ({@code djongo.time-zone}, UTC by default) or the one given; null stays null.
 */
public final class TruncWeek {

	private TruncWeek() {
	}

	/** The date or date-time field (or expression) truncated in the configured zone. */
	public static Func of(Object expression) {
		return Func.inZone(Func.Function.TRUNC_WEEK, expression, null);
	}

	/** The date-time field (or expression) truncated in a zone. */
	public static Func of(Object expression, ZoneId zone) {
		return Func.inZone(Func.Function.TRUNC_WEEK, expression, zone);
	}

}
