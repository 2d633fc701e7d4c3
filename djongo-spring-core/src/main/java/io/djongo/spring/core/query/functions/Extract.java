package io.djongo.spring.core.query.functions;

import java.time.ZoneId;

import io.djongo.spring.core.query.Func;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Extract}: a part of a date or date-time by name ({@code year}, {@code iso_year},
 * {@code quarter}, {@code month}, {@code week}, {@code week_day}, {@code iso_week_day}, {@code day}, {@code hour},
 * {@code minute}, {@code second}), an integer, in the configured zone or the one given; null stays null.
 */
public final class Extract {

	private Extract() {
	}

	/** The named part of a date or date-time field (or expression), in the configured zone. */
	public static Func of(Object expression, String part) {
		return of(expression, part, null);
	}

	/** The named part of a date-time field (or expression) in a zone (null: the configured one). */
	public static Func of(Object expression, String part, @Nullable ZoneId zone) {
		Func.Function function = Func.Function.extract(part);
		if (function == null) {
			throw new IllegalArgumentException("Extract has no part '" + part + "'; choose one of year, iso_year, "
					+ "quarter, month, week, week_day, iso_week_day, day, hour, minute, second");
		}
		return Func.inZone(function, expression, zone);
	}

}
