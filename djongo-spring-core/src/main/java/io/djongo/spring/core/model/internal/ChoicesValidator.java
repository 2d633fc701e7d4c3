package io.djongo.spring.core.model.internal;

import java.util.Set;

import io.djongo.spring.core.model.Choices;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Choices}.
 */
public final class ChoicesValidator implements ConstraintValidator<Choices, Object> {

	private Set<String> choices = Set.of();

	@Override
	public void initialize(Choices annotation) {
		this.choices = Set.of(annotation.value());
	}

	@Override
	public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		String text = (value instanceof Enum<?> constant) ? constant.name() : value.toString();
		return this.choices.contains(text);
	}

}
