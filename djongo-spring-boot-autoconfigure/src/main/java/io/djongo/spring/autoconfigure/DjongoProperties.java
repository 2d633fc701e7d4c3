package io.djongo.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code djongo.*} configuration: djongo's {@code DATABASES['default']} settings in application.yml.
 */
@ConfigurationProperties("djongo")
public class DjongoProperties {

	/**
	 * Name of the MongoDB database the application's models live in. Required.
	 */
	private @Nullable String name;

	/**
	 * Whether reading a document that lacks a field of its model raises a MigrationException.
	 */
	private boolean enforceSchema;

	private final Client client = new Client();

	private final Embedded embedded = new Embedded();

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	/**
	 * The database name, checked: start-up fails with a {@link MissingDatabaseNameException} when it is missing.
	 * @return the configured database name
	 */
	public String requireName() {
		String name = this.name;
		if (name == null || name.isBlank()) {
			throw new MissingDatabaseNameException();
		}
		return name;
	}

	public boolean isEnforceSchema() {
		return this.enforceSchema;
	}

	public void setEnforceSchema(boolean enforceSchema) {
		this.enforceSchema = enforceSchema;
	}

	public Client getClient() {
		return this.client;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	/**
	 * Where and how to connect: djongo's {@code CLIENT} settings.
	 */
	public static class Client {

		/**
		 * A host, a comma-separated host:port list, or a mongodb:// or mongodb+srv:// URI.
		 */
		private @Nullable String host;

		/**
		 * Port used with a host that names none.
		 */
		private @Nullable Integer port;

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

	}

	/**
	 * The in-process MongoDB-wire server for development and tests.
	 */
	public static class Embedded {

		/**
		 * Whether to start the embedded server: auto starts it when no client host is set.
		 */
		private EmbeddedMode enabled = EmbeddedMode.AUTO;

		/**
		 * Port of the embedded server; a random free port when not set.
		 */
		private @Nullable Integer port;

		public EmbeddedMode getEnabled() {
			return this.enabled;
		}

		public void setEnabled(EmbeddedMode enabled) {
			this.enabled = enabled;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

	}

	/**
	 * When the embedded server starts.
	 */
	public enum EmbeddedMode {

		/** When no {@code djongo.client.host} is set. */
		AUTO,

		/** Always. */
		TRUE,

		/** Never. */
		FALSE

	}

}
