package io.djongo.spring.core.relation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.data.annotation.Reference;

/**
 * Django's {@code ForeignKey}: a field of a model type referring to one document of another collection, stored as
 * the referred id under {@code <field>_id} ({@code author_id}). Loaded lazily: the first method call on the
 * referred model costs one query, and the result stays on the instance.
 */
@Target({ ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reference
public @interface ForeignKey {

	/** What happens to this model when the referred one is deleted. */
	OnDelete onDelete();

	/**
	 * The name of the reverse side, used in lookups from the referred model ({@code author.objects().filter("posts__title", ...)})
	 * and in {@code related(author, "posts")}; Django's default, the model name in lower case ({@code post}), when empty.
	 */
	String relatedName() default "";

	/** Whether the reference may be null (Django's {@code null=True}); {@code SET_NULL} needs it. */
	boolean nullable() default true;

}
