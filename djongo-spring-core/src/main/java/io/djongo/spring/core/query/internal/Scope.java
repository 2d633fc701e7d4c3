package io.djongo.spring.core.query.internal;

import java.util.Map;

import io.djongo.spring.core.model.ModelMetadata;

/**
 * What names a compiled condition may use: the fields of a model and the annotations of the query so far.
 *
 * @param model the model queried
 * @param annotations the annotation names with the Java type of their values
 */
record Scope(ModelMetadata model, Map<String, Class<?>> annotations) {

}
