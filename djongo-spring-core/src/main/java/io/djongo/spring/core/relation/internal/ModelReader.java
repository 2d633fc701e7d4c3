package io.djongo.spring.core.relation.internal;

import org.bson.Document;

/**
 * Reads a stored document as a model, as every read path does (after-convert callbacks included): the models a
 * refused deletion names.
 */
@FunctionalInterface
public interface ModelReader {

	<T> T read(Document document, Class<T> model);

}
