package io.djongo.spring.core.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.djongo.spring.core.model.internal.ChoicesValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;

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
@Constraint(validatedBy = ChoicesValidator.class)
public @interface Choices {

	/**
	 * The accepted values.
	 */
	String[] value();

	String message() default "must be one of {value}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
