package io.djongo.spring.core.query.functions;

import java.time.ZoneId;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code TruncTime}: the time of day of a date-time, a {@code LocalTime} to the millisecond, in
 * the configured zone or the one given; null stays null.
 */
public final class TruncTime {

	private TruncTime() {
	}

	/** The time of day of the date-time field (or expression) in the configured zone. */
	public static Func of(Object expression) {
		return Func.inZone(Func.Function.TRUNC_TIME, expression, null);
	}

	/** The time of day of the date-time field (or expression) in a zone. */
	public static Func of(Object expression, ZoneId zone) {
		return Func.inZone(Func.Function.TRUNC_TIME, expression, zone);
	}

}
