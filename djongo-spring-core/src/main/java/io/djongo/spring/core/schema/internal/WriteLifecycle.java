package io.djongo.spring.core.schema.internal;

import org.bson.Document;

/**
 * What Spring Data does around each model a template writes, in its order: the mapping events and the
 * application's entity callbacks (auditing among them), and the id it learns from the insert.
 */
public interface WriteLifecycle {

	/** {@code BeforeConvertEvent}, then the {@code BeforeConvertCallback}s; returns the model to write. */
	<T> T beforeConvert(T model, String collection);

	/**
	 * Whether {@link #beforeConvert} may do anything with a model of this class (a listener of its event, a callback
	 * that applies to it); when not, the writer skips it for the models of a batch.
	 */
	default boolean needsBeforeConvert(Class<?> model) {
		return true;
	}

	/**
	 * Whether {@link #beforeSave} or {@link #afterSave} may do anything with the document of a model of this class
	 * (a listener of their events, a callback that applies to it); when not, the writer may send the model without
	 * making a {@link Document} of it, and skips both.
	 */
	default boolean needsDocument(Class<?> model) {
		return true;
	}

	/** {@code BeforeSaveEvent}, then the {@code BeforeSaveCallback}s, with the document to be sent. */
	<T> T beforeSave(T model, Document document, String collection);

	/** Sets the id the server or driver gave the document on a model that had none. */
	<T> T populateId(T model, Object id);

	/** {@code AfterSaveEvent}, then the {@code AfterSaveCallback}s. */
	<T> T afterSave(T model, Document document, String collection);

}
