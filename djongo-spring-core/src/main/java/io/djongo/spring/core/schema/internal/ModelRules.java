package io.djongo.spring.core.schema.internal;

import java.util.List;

/**
 * djongo's rules for the models about to be written, other than ids: each throws before anything is sent.
 */
public interface ModelRules {

	/** Refuses models referring to related objects without an id (Django's guard against data loss). */
	void checkRelated(List<?> models);

	/** Validates one model; the exception names every field that failed. */
	void validate(Object model);

	/** Validates models written together: all are checked before the exception, which names each by position. */
	void validateAll(List<?> models);

	/** Stores what the model holds outside its document (pending files); returns the model to convert. */
	Object attach(Object model);

}
