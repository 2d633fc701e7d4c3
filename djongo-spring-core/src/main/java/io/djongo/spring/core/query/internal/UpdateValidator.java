package io.djongo.spring.core.query.internal;

import java.util.Map;

/**
 * Checks the values of a {@code QuerySet.update(...)} before it is sent, as every other write path is checked.
 */
@FunctionalInterface
public interface UpdateValidator {

	/** Accepts every update. */
	UpdateValidator NONE = (model, values) -> {
	};

	/**
	 * @param model the model updated
	 * @param values Java property names and the Java values they are set to ({@code F} expressions left out)
	 */
	void validate(Class<?> model, Map<String, ?> values);

}
