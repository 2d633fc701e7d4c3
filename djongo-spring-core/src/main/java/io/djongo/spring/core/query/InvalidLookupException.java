package io.djongo.spring.core.query;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A lookup got a value it cannot use: null where only {@code exact} allows it, a string where a number is
 * expected, a {@code range} without two bounds. The message names the model, the lookup and what is allowed.
 */
public class InvalidLookupException extends InvalidDataAccessApiUsageException {

	private static final long serialVersionUID = 1L;

	public InvalidLookupException(String message) {
		super(message);
	}

	public InvalidLookupException(String message, Throwable cause) {
		super(message, cause);
	}

}
