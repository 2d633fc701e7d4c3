package io.djongo.spring.core.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code choices}: the value, compared as text, must be one of the listed ones; {@code null} is valid
 * (add {@code @NotNull} to require a value). Applies to strings, numbers, characters and enums. A Bean Validation
 * constraint: it needs a provider such as Hibernate Validator, which the starter brings. An enum field is the
 * type-safe alternative.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
		ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = Choices.Validator.class)
public @interface Choices {

	/**
	 * The accepted values.
	 */
	String[] value();

	String message() default "must be one of {value}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link Choices}: Bean Validation's validator of the constraint.
	 */
	final class Validator implements ConstraintValidator<Choices, Object> {

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

}
