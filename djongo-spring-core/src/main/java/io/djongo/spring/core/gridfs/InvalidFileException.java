package io.djongo.spring.core.gridfs;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A file that a file or image field does not accept: an unsafe name, or content that is not a readable image. Nothing
 * of the model is written when it is raised.
 */
public class InvalidFileException extends DataIntegrityViolationException {

	public InvalidFileException(String message) {
		super(message);
	}

	public InvalidFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
