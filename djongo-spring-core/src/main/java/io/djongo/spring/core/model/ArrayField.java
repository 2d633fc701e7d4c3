package io.djongo.spring.core.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of embedded documents, each described by a {@link ModelContainer} class, as djongo's {@code ArrayField}.
 */
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ArrayField {

	/**
	 * Whether the list may be absent (Django's {@code null}).
	 */
	boolean nullable() default true;

	/**
	 * Whether the list may be empty (Django's {@code blank}).
	 */
	boolean blank() default true;

}
