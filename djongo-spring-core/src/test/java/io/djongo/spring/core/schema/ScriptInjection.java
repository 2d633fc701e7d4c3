package io.djongo.spring.core.schema;

import java.util.Map;

import io.djongo.spring.core.model.FieldValidator;
import io.djongo.spring.core.model.ValidationException;

/**
 * The djongo seed's {@code script_injection} validator, in Java.
 */
public class ScriptInjection implements FieldValidator<String> {

	@Override
	public void validate(String value) {
		if (value.contains("<script>")) {
			throw new ValidationException("Script injection in %(value)s", Map.of("value", value));
		}
	}

}
