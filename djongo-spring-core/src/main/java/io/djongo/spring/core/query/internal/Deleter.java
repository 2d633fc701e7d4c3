package io.djongo.spring.core.query.internal;

import io.djongo.spring.core.query.DeleteResult;
import org.bson.conversions.Bson;

/**
 * Deletes the documents of a model matching a stored filter: with the {@code on_delete} rules of the relations
 * pointing at the model when there are any, else with one {@code delete} command
 * ({@code {delete: collection, deletes: [{q: filter, limit: 0}]}}). What the engine consumes of the relation
 * deletions, wired by the template.
 */
@FunctionalInterface
public interface Deleter {

	/**
	 * Deletes what matches, with whatever the deletion reaches by the relations' rules.
	 * @param model the model whose documents are deleted
	 * @param filter the documents to delete, in stored form
	 * @return the number deleted per model
	 */
	DeleteResult delete(Class<?> model, Bson filter);

}
