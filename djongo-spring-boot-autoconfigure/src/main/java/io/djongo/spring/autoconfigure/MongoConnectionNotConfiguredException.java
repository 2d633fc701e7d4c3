package io.djongo.spring.autoconfigure;

import io.djongo.spring.autoconfigure.DjongoProperties.EmbeddedMode;

/**
 * Thrown at start-up when nothing says where MongoDB is: neither {@code djongo.client.host} nor Spring Boot's
 * {@code spring.mongodb.*} is set, and the embedded server is not on the class path or is turned off. djongo never
 * falls back to localhost or to an in-memory server on its own.
 */
public class MongoConnectionNotConfiguredException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final EmbeddedMode embeddedMode;

	private final boolean serverOnClassPath;

	public MongoConnectionNotConfiguredException(EmbeddedMode embeddedMode, boolean serverOnClassPath) {
		super("No MongoDB connection is configured: neither djongo.client.host nor spring.mongodb.uri (or another"
				+ " spring.mongodb.* connection key) is set, and "
				+ ((embeddedMode == EmbeddedMode.FALSE) ? "djongo.embedded.enabled is false"
						: "the embedded server (mongo-java-server) is not on the class path"));
		this.embeddedMode = embeddedMode;
		this.serverOnClassPath = serverOnClassPath;
	}

	/** The {@code djongo.embedded.enabled} setting. */
	public EmbeddedMode getEmbeddedMode() {
		return this.embeddedMode;
	}

	/** Whether mongo-java-server is on the class path. */
	public boolean isServerOnClassPath() {
		return this.serverOnClassPath;
	}

}
