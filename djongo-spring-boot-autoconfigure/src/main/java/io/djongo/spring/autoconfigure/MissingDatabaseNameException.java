package io.djongo.spring.autoconfigure;

/**
 * Thrown at start-up when {@code djongo.name} is missing or empty.
 */
public class MissingDatabaseNameException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public MissingDatabaseNameException() {
		super("djongo.name is not set: djongo-spring needs the name of the MongoDB database to use");
	}

}
