package io.djongo.spring.core.query.internal;

import io.djongo.spring.core.query.DeleteResult;
import org.bson.conversions.Bson;

/**
 * Deletes the documents of a model that a {@code QuerySet.delete()} matches: with the {@code on_delete} rules of the
 * relations pointing at the model when there are any, with one {@code deleteMany} otherwise.
 */
@FunctionalInterface
public interface Deleter {

	/**
	 * @param model the model deleted
	 * @param storedFilter the filter, as sent
	 */
	DeleteResult delete(Class<?> model, Bson storedFilter);

}
