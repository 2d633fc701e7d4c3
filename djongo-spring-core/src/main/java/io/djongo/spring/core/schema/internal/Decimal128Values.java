package io.djongo.spring.core.schema.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;

/**
 * The decimals djongo stores as Decimal128 ({@code BigDecimal}, {@code BigInteger}): whether one can be stored exactly,
 * checked before a write, so that a value that cannot is a validation error naming its field rather than a
 * conversion failure while the document is written.
 */
public final class Decimal128Values {

	/** Significant digits a Decimal128 holds. */
	static final int DIGITS = 34;

	private Decimal128Values() {
	}

	/** Whether values of a type are stored as Decimal128. */
	public static boolean isDecimal(@Nullable Class<?> type) {
		return type == BigDecimal.class || type == BigInteger.class;
	}

	/**
	 * What keeps a value from being stored exactly as a Decimal128, for a validation message naming its type; null
	 * when it can be, or when it is no decimal.
	 */
	public static @Nullable String problem(@Nullable Object value) {
		BigDecimal decimal = (value instanceof BigDecimal big) ? big
				: (value instanceof BigInteger big) ? new BigDecimal(big) : null;
		if (decimal == null) {
			return null;
		}
		try {
			new Decimal128(decimal);
			return null;
		}
		catch (NumberFormatException | ArithmeticException | AssertionError ex) {
			// the driver's message repeats the value: the violation shows it safely instead
			int digits = decimal.stripTrailingZeros().precision();
			String type = (value instanceof BigInteger) ? "BigInteger" : "BigDecimal";
			return (digits > DIGITS)
					? "This " + type + " has " + digits + " significant digits; it is stored as a Decimal128, which"
							+ " holds at most " + DIGITS
					: "This " + type + "'s exponent is outside the range a Decimal128 stores (-6176 to 6111)";
		}
	}

}
