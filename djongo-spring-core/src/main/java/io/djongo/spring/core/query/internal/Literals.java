package io.djongo.spring.core.query.internal;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Keeps user values literal inside aggregation expressions, where a string starting with {@code $} would otherwise
 * be read as a field path and a document as an expression.
 */
final class Literals {

	private Literals() {
	}

	/**
	 * The value wrapped in {@code $literal} when MongoDB could read it as something else; expressions pass as they are.
	 * @param value a converted value, or an aggregation expression marked with {@link Computed}
	 */
	static @Nullable Object literal(Object value) {
		if (value instanceof Computed computed) {
			return computed.expression();
		}
		if (value instanceof String || value instanceof Map || value instanceof List) {
			return new Document("$literal", value);
		}
		return value;
	}

	/**
	 * An aggregation expression used where a value is expected, such as an {@code F()} on the right of a lookup.
	 * @param expression the aggregation expression
	 */
	record Computed(@Nullable Object expression) {
	}

}
