package io.djongo.spring.autoconfigure.schema;

/**
 * How {@code --djongo.migrate} and {@code --djongo.check} end the application once they have run: by default
 * {@code System.exit} with the code {@code SpringApplication.exit} gives (the context closed first). A bean of this
 * type replaces it, in tests for instance.
 */
@FunctionalInterface
public interface DjongoExit {

	/** Ends the application with this exit code: 0 when all went well. */
	void exit(int code);

}
