package io.djongo.spring.core.query.internal;

import java.util.function.Predicate;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Inserts a new model as the template inserts one: related objects checked, validated, its auto-increment id
 * assigned, pending files stored, Spring Data's events and callbacks. The template implements it with its model
 * writer, for {@code create()}, {@code getOrCreate()} and {@code updateOrCreate()}.
 */
@FunctionalInterface
public interface ModelCreator {

	/**
	 * Inserts a model.
	 * @param model the new model
	 * @param send null for the template's insert; else what sends the document the insert would send, in a command
	 * of its own (an upsert that may find a document instead): it returns whether the document was inserted, and
	 * puts the id it was inserted with into it when the document had none
	 * @return the model as written, or null when {@code send} inserted nothing
	 */
	@Nullable Object create(Object model, @Nullable Predicate<Document> send);

}
