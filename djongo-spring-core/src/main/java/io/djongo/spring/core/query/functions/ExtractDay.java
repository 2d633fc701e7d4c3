package io.djongo.spring.core.query.functions;

import java.time.ZoneId;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code ExtractDay}: the day of the month of a date or date-time, an integer, in the configured zone
 * ({@code djongo.time-zone}, UTC by default) or the one given; null stays null.
 */
public final class ExtractDay {

	private ExtractDay() {
	}

	/** The part of a date or date-time field (or expression), in the configured zone. */
	public static Func of(Object expression) {
		return Func.inZone(Func.Function.EXTRACT_DAY, expression, null);
	}

	/** The part of a date-time field (or expression) in a zone. */
	public static Func of(Object expression, ZoneId zone) {
		return Func.inZone(Func.Function.EXTRACT_DAY, expression, zone);
	}

}
