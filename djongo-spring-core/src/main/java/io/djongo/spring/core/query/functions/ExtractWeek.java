package io.djongo.spring.core.query.functions;

import java.time.ZoneId;

import io.djongo.spring.core.query.Func;

/**
 * Django's {@code ExtractWeek}: the ISO-8601 week number, 1 to 53 of a date or date-time, an integer, in the configured zone
 * ({@code djongo.time-zone}, UTC by default) or the one given; null stays null.
 */
public final class ExtractWeek {

	private ExtractWeek() {
	}

	/** The part of a date or date-time field (or expression), in the configured zone. */
	public static Func of(Object expression) {
		return Func.inZone(Func.Function.EXTRACT_WEEK, expression, null);
	}

	/** The part of a date-time field (or expression) in a zone. */
	public static Func of(Object expression, ZoneId zone) {
		return Func.inZone(Func.Function.EXTRACT_WEEK, expression, zone);
	}

}
