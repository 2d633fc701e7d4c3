package io.djongo.spring.core.schema.migration.internal;

import io.djongo.spring.core.model.CappedCollection;
import io.djongo.spring.core.model.ModelMetadata;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The {@code create} command of a model's collection: the one moment a collection takes options that cannot be added
 * later, so every option a model declares for its collection is gathered here, and both {@code --djongo.migrate} and
 * the validator step create collections through it.
 * <p>
 * A capped model ({@code @Model(capped = true, maxSize = ..., maxDocuments = ...)}) gets
 * {@code capped: true, size: ..., max: ...} here.
 */
final class CollectionCreation {

	private CollectionCreation() {
	}

	/** The options a model's collection is created with, besides its validator. */
	static Document options(ModelMetadata model) {
		CappedCollection capped = model.capped();
		return (capped != null) ? capped.options() : new Document();
	}

	/**
	 * The {@code create} command of a model's collection, as MongoDB documents it.
	 * @param validation {@code validator}, {@code validationLevel} and {@code validationAction}, or null for none
	 */
	static Document createCommand(ModelMetadata model, String collection, @Nullable Document validation) {
		Document command = new Document("create", collection);
		command.putAll(options(model));
		if (validation != null) {
			command.putAll(validation);
		}
		return command;
	}

}
