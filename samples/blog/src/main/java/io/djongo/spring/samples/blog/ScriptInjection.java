package io.djongo.spring.samples.blog;

import java.util.Locale;
import java.util.Map;

import io.djongo.spring.core.model.FieldValidator;
import io.djongo.spring.core.model.ValidationException;

/**
 * djongo's seed validator: refuses text that carries a script tag.
 */
public class ScriptInjection implements FieldValidator<String> {

	@Override
	public void validate(String value) {
		if (value.toLowerCase(Locale.ROOT).contains("<script")) {
			throw new ValidationException("Script injection in %(value)s", Map.of("value", value));
		}
	}

}
