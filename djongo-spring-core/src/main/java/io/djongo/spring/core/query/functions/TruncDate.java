package io.djongo.spring.core.query.functions;

import java.time.ZoneId;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code TruncDate}: the calendar day of a date-time, a {@code LocalDate}, in the configured zone
 * or the one given; null stays null.
 */
public final class TruncDate {

	private TruncDate() {
	}

	/** The day of the date-time field (or expression) in the configured zone. */
	public static Func of(Object expression) {
		return Func.inZone(Func.Function.TRUNC_DATE, expression, null);
	}

	/** The day of the date-time field (or expression) in a zone. */
	public static Func of(Object expression, ZoneId zone) {
		return Func.inZone(Func.Function.TRUNC_DATE, expression, zone);
	}

}
