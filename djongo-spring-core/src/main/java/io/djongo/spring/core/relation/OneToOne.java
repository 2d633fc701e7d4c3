package io.djongo.spring.core.relation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.data.annotation.Reference;

/**
 * Django's {@code OneToOneField}: a {@link ForeignKey} whose stored id ({@code <field>_id}) is unique across the
 * collection, enforced by a sparse unique index.
 */
@Target({ ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reference
public @interface OneToOne {

	/** What happens to this model when the referred one is deleted. */
	OnDelete onDelete();

	/** The name of the reverse side; the model name in lower case when empty. */
	String relatedName() default "";

	/** Whether the reference may be null; {@code SET_NULL} needs it. */
	boolean nullable() default true;

}
