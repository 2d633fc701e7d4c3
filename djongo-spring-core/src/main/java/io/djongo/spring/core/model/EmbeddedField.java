package io.djongo.spring.core.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One embedded document described by a {@link ModelContainer} class, as djongo's {@code EmbeddedField}.
 */
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmbeddedField {

	/**
	 * Whether the embedded document may be absent (Django's {@code null}).
	 */
	boolean nullable() default true;

	/**
	 * Whether the embedded document may be empty, every field null or blank (Django's {@code blank}).
	 */
	boolean blank() default true;

}
