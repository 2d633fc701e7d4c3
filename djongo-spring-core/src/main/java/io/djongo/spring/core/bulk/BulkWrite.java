package io.djongo.spring.core.bulk;

import java.util.Collection;
import java.util.Map;

import io.djongo.spring.core.query.Q;

/**
 * Mixed writes to one model sent in one {@code bulkWrite} command ({@code DjongoTemplate.bulk(Post.class)}):
 * <pre>{@code
 * BulkResult result = djongo.bulk(Post.class)
 *         .insert(new Post("New"))
 *         .update(Q.of("rating__lt", 2), Map.of("views", 0))
 *         .delete(Q.of("title__startswith", "Draft"))
 *         .ordered(false)
 *         .execute();
 * }</pre>
 * Before anything is sent, every operation is checked: models to insert or replace are validated (all of them, as
 * {@code bulkCreate} does) and inserted ones get their auto-increment ids; update values are validated as
 * {@code QuerySet.update} validates them. Lookups are Django's, compiled as a QuerySet's {@code filter} compiles
 * them; values are literals (or {@code F} expressions, as in {@code update}), never operators.
 * <p>
 * Ordered (the default), the server stops at the first operation it refuses; unordered, it attempts every one.
 * A builder is used once, by one thread: {@link #execute()} sends it.
 * @param <T> the model
 */
public interface BulkWrite<T> {

	/** Inserts a new model: validated, an auto-increment id assigned, as {@code insert} does. */
	BulkWrite<T> insert(T model);

	/** Inserts new models, each one operation. */
	BulkWrite<T> insertAll(Collection<? extends T> models);

	/** Updates every document matching the lookups ({@code updateMany}) with the values, as a QuerySet's update. */
	BulkWrite<T> update(Q where, Map<String, ?> values);

	/** {@link #update(Q, Map)} with lookups as a map ({@code Map.of("rating__lt", 2)}). */
	default BulkWrite<T> update(Map<String, ?> lookups, Map<String, ?> values) {
		return update(Q.of(lookups), values);
	}

	/** Updates the first document matching the lookups ({@code updateOne}). */
	BulkWrite<T> updateOne(Q where, Map<String, ?> values);

	/**
	 * Replaces the document of a saved model by the model, validated ({@code replaceOne} by its id). A versioned
	 * model is refused: save it instead.
	 */
	BulkWrite<T> replace(T model);

	/**
	 * Deletes every document matching the lookups. Refused for a model that relations point at: their
	 * {@code on_delete} rules need {@code objects(model).filter(...).delete()}.
	 */
	BulkWrite<T> delete(Q where);

	/** {@link #delete(Q)} with lookups as a map. */
	default BulkWrite<T> delete(Map<String, ?> lookups) {
		return delete(Q.of(lookups));
	}

	/** Deletes the first document matching the lookups; refused as {@link #delete(Q)} is. */
	BulkWrite<T> deleteOne(Q where);

	/**
	 * Django's {@code update_or_create}: updates the first document matching the lookups with the values, or inserts
	 * one made of the lookups' equalities and the values (with a new auto-increment id where the model has one).
	 */
	BulkWrite<T> upsert(Q where, Map<String, ?> values);

	/** {@link #upsert(Q, Map)} with lookups as a map. */
	default BulkWrite<T> upsert(Map<String, ?> lookups, Map<String, ?> values) {
		return upsert(Q.of(lookups), values);
	}

	/** Whether the server stops at the first operation it refuses ({@code true}, the default). */
	BulkWrite<T> ordered(boolean ordered);

	/**
	 * Checks every operation, then sends them in one {@code bulkWrite} (the driver splits a very large one), with
	 * the template's write concern.
	 * @return what was written
	 * @throws io.djongo.spring.core.model.ValidationException when a model or value is invalid: nothing is sent
	 * @throws BulkWriteException when the server refused operations, with what was written all the same
	 * @throws IllegalStateException when the builder was already executed, or holds no operation
	 */
	BulkResult execute();

}
