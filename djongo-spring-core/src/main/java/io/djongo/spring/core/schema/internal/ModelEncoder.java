package io.djongo.spring.core.schema.internal;

import org.bson.Document;

/**
 * The convert step of a write: one model as the document to store. By default the template's converter; a faster
 * encoder of the same mapping may take its place.
 */
@FunctionalInterface
public interface ModelEncoder {

	Document encode(Object model);

}
