package io.djongo.spring.autoconfigure.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Opens mongo-java-server's H2 backend on a file. A class of its own so that the H2 classes are loaded only when
 * {@code djongo.embedded.path} is set: the backend is an optional dependency.
 */
final class H2Backends {

	private H2Backends() {
	}

	/**
	 * Opens the file, creating it and its directories when missing.
	 * @param path the file ({@code djongo.embedded.path})
	 */
	static MongoBackend open(Path path) {
		Path file = path.toAbsolutePath();
		if (Files.isDirectory(file)) {
			throw new IllegalStateException("djongo.embedded.path is the directory " + file
					+ "; it must name a file, such as " + file.resolve("djongo.mv"));
		}
		try {
			Path parent = file.getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			return new H2Backend(file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("djongo.embedded.path: cannot create the directory of " + file, ex);
		}
		catch (RuntimeException ex) {
			// H2's MVStoreException, for instance when another process holds the file
			throw new IllegalStateException("djongo.embedded.path: the embedded server cannot open " + file
					+ " (is another application using it?): " + ((ex.getMessage() != null) ? ex.getMessage() : ex), ex);
		}
	}

}
