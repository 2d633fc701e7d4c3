package io.djongo.spring.core.bulk.internal;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.WriteModel;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.query.Q;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * What bulk writes need of the rest of djongo, implemented by the template: the writer's steps, the QuerySet
 * compiler, the model rules and the send.
 */
public interface BulkSupport {

	ModelRegistry models();

	String collection(Class<?> model);

	/** Validates models whole as a bulk create does (constraints, then related objects saved). */
	void validateAll(List<?> models);

	/** The insert's steps before the send: validated, ids, files, converted; {@link Prepared#sent} after. */
	Prepared prepareInserts(String collection, List<?> models);

	/** A saved model's document, by the rules of Spring Data's own write paths (validated, files stored). */
	Document replacement(Object model, String collection);

	/** A model converted as a write stores it. */
	Document encode(Object model);

	/** The stored filter of lookups and, given values, the update a QuerySet's update sends. */
	Operation compile(Class<?> model, Q where, @Nullable Map<String, ?> values);

	/** The stored name of a model's id: {@code _id}, or its column in Django storage ({@code id}). */
	default String idField(Class<?> model) {
		return models().metadata(model).idField();
	}

	/** A new auto-increment id for a document an upsert may insert, as stored; null for other models. */
	@Nullable Object reserveId(Class<?> model, String collection);

	/** Whether relations point at the model, so that deleting it needs their on_delete rules. */
	boolean hasDependents(Class<?> model);

	/** Whether the model has a {@code @Version}. */
	boolean isVersioned(Class<?> model);

	/**
	 * Sends one {@code bulkWrite} with the template's write concern, in the running transaction if any.
	 * @throws MongoBulkWriteException as the driver throws it, untranslated: it carries the per-operation errors
	 */
	BulkWriteResult send(String collection, List<WriteModel<Document>> writes, boolean ordered);

	/** Inserts prepared, their documents by position. */
	interface Prepared {

		List<Document> documents();

		/** The after-save step of the documents written. */
		void sent(IntPredicate written);

	}

	/**
	 * A compiled operation.
	 * @param update a document of update operators, a pipeline ({@code List<Bson>}), or null
	 */
	record Operation(Bson filter, @Nullable Object update) {
	}

}
