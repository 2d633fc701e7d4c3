package io.djongo.spring.core.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Django's {@code validators=[...]} on a field: each named class is instantiated once (it needs a no-argument
 * constructor) and called with the field's value before every write, unless the value is {@code null}.
 * <pre class="code">
 * &#64;Validators(ScriptInjection.class)
 * String headline;
 * </pre>
 * Usable as a meta-annotation, to name a reusable rule: {@code @Validators(UrlValidator.class) @interface Url {}}.
 */
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Validators {

	/**
	 * The validators of the field, run in this order; each accepts the field's type.
	 */
	Class<? extends FieldValidator<?>>[] value();

}
