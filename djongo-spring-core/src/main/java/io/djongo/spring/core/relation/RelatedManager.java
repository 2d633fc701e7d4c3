package io.djongo.spring.core.relation;

import java.util.Collection;

import io.djongo.spring.core.query.QuerySet;

/**
 * Django's many-related manager ({@code post.tags}, {@code tag.post_set}) for a many-to-many whose pairs are rows of
 * the through collection Django creates (models in Django storage): {@code DjongoTemplate.manyToMany(post, "tags")},
 * from either side of the relation (the reverse side by its related name). Each call writes at once; nothing is
 * kept on the model, whose field re-reads the pairs on its next use.
 * <pre>{@code
 * djongo.manyToMany(post, "tags").add(java, spring);   // rows {id, post_id, tag_id}, ids from their own counter
 * djongo.manyToMany(post, "tags").remove(java);
 * djongo.manyToMany(post, "tags").set(List.of(mongodb)); // removes the pairs not given, adds the new ones
 * djongo.manyToMany(tag, "post").clear();
 * }</pre>
 * Models are given as instances of the related model (saved: they have ids) or as their ids. A many-to-many stored
 * as an array of ids in the model (native storage) changes with the model's list and a save; one carried by a
 * through model of the application's changes by saving and deleting through models.
 *
 * @param <T> the related model
 */
public interface RelatedManager<T> {

	/** The related models, as a QuerySet: Django's {@code post.tags.all()}. */
	QuerySet<T> all();

	/** Adds pairs with the given models (or ids); a pair that exists is left as it is, as Django does. */
	void add(Object... models);

	/** Removes the pairs with the given models (or ids). */
	void remove(Object... models);

	/** Makes the given models (or ids) the related ones: removes the other pairs, adds the missing ones. */
	void set(Collection<?> models);

	/** Removes every pair of the model. */
	void clear();

}
