package io.djongo.spring.core.query.internal;

import java.util.Map;

/**
 * Checks the values of a {@code QuerySet.update(...)} before it is sent, as every other write path is checked.
 * What the engine consumes of the template ({@code DjongoTemplate::validateValues}).
 */
@FunctionalInterface
public interface UpdateValidator {

	/**
	 * Checks the values, before anything is sent.
	 * @param model the model updated
	 * @param values Java property names and the Java values they are set to ({@code F} expressions left out)
	 * @throws io.djongo.spring.core.model.ValidationException naming every field that failed
	 */
	void validate(Class<?> model, Map<String, ?> values);

}
