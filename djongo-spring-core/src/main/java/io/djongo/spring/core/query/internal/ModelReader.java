package io.djongo.spring.core.query.internal;

import org.bson.Document;

/**
 * Reads a stored document as a model instance, as every read of whole models does: the fast reader or the
 * converter, then the after-convert callbacks. What the engine consumes of the template
 * ({@code DjongoTemplate::toModel}).
 */
@FunctionalInterface
public interface ModelReader {

	/**
	 * Reads one document.
	 * @param document a whole stored document of the model
	 * @param model the model class
	 */
	<T> T read(Document document, Class<T> model);

}
