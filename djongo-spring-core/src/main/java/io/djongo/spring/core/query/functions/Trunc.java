package io.djongo.spring.core.query.functions;

import java.time.ZoneId;

import io.djongo.spring.core.query.Func;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Trunc}: a date or date-time truncated to a unit by name ({@code year}, {@code quarter},
 * {@code month}, {@code week}, {@code day}, {@code hour}, {@code minute}, {@code second}, {@code date},
 * {@code time}), in the configured zone or the one given; null stays null.
 */
public final class Trunc {

	private Trunc() {
	}

	/** The date or date-time field (or expression) truncated to the unit, in the configured zone. */
	public static Func of(Object expression, String kind) {
		return of(expression, kind, null);
	}

	/** The date-time field (or expression) truncated to the unit in a zone (null: the configured one). */
	public static Func of(Object expression, String kind, @Nullable ZoneId zone) {
		Func.Function function = Func.Function.trunc(kind);
		if (function == null) {
			throw new IllegalArgumentException("Trunc has no kind '" + kind + "'; choose one of year, quarter, month, "
					+ "week, day, hour, minute, second, date, time");
		}
		return Func.inZone(function, expression, zone);
	}

}
