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
 * removes its id from every array. With {@link #through()}, a model of its own carries the relation instead. In
 * Django storage ({@code djongo.storage: django}) the pairs are rows of a through collection, as Django stores them
 * ({@code blog_post_tags: {id, post_id, tag_id}}), changed with {@code DjongoTemplate.manyToMany(post, "tags")}.
 */
@Target({ ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reference
public @interface ManyToMany {

	/** The name of the reverse side; the model name in lower case when empty. */
	String relatedName() default "";

	/**
	 * A model carrying the relation, with data of its own (Django's {@code through}): it has a foreign key to this
	 * model and one to the related model, and one document per related pair. The field is then not stored in this
	 * model's documents; lookups ({@code groups__name}) and {@code related(person, "groups")} go through the
	 * through model, and pairs are made by saving through models.
	 */
	Class<?> through() default void.class;

	/**
	 * With {@link #through()}: the names of its foreign key to this model and of its foreign key to the related
	 * model (Django's {@code through_fields}); needed only when the through model has several foreign keys to one
	 * of them.
	 */
	String[] throughFields() default {};

	/**
	 * Django storage: the through collection (Django's {@code db_table} of a {@code ManyToManyField}); Django's
	 * {@code <table>_<field>} ({@code blog_post_tags}) when empty. Its keys are named after the two classes in lower
	 * case ({@code post_id}, {@code tag_id}), or by {@link #throughFields()} ({@code {"post", "tag"}}).
	 */
	String dbTable() default "";

}
