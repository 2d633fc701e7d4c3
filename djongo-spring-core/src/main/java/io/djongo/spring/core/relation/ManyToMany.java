package io.djongo.spring.core.relation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.data.annotation.Reference;

/**
 * Django's {@code ManyToManyField}: a {@code List} of another model, stored as an array of their ids in this
 * document ({@code tags: [1, 4]}). Loaded lazily, all referred models in one query. Deleting a referred model
 * removes its id from every array.
 */
@Target({ ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reference
public @interface ManyToMany {

	/** The name of the reverse side; the model name in lower case when empty. */
	String relatedName() default "";

}
