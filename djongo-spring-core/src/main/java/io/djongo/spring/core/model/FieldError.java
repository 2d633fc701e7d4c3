package io.djongo.spring.core.model;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Django's {@code FieldError}: a lookup, ordering or projection names a field or lookup the model does not have.
 * The message names the model, the keyword at fault and the allowed choices.
 */
public class FieldError extends InvalidDataAccessApiUsageException {

	private static final long serialVersionUID = 1L;

	public FieldError(String message) {
		super(message);
	}

}
