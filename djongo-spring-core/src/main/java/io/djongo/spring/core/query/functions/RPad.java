package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;
import io.djongo.spring.core.query.Value;

/**
 * Django's {@code RPad}: padded on the right with a fill text (a space by default) to a length, or cut to it;
 * null stays null.
 */
public final class RPad {

	private RPad() {
	}

	/** The expression padded with spaces to {@code length} (an int or an expression). */
	public static Func of(Object expression, Object length) {
		return of(expression, length, Value.of(" "));
	}

	/**
	 * The expression padded with a fill text (a field name or an expression: {@code Value.of("xy")}) to
	 * {@code length}.
	 */
	public static Func of(Object expression, Object length, Object fillText) {
		if (length instanceof Number number && number.longValue() < 0) {
			throw new IllegalArgumentException("'length' must be greater or equal to 0.");
		}
		return Func.of(Func.Function.RPAD, expression, length, fillText);
	}

}
