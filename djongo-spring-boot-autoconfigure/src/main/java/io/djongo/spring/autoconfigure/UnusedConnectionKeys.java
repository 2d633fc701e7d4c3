package io.djongo.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.djongo.spring.autoconfigure.DjongoProperties.EmbeddedMode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.util.ClassUtils;

/**
 * Says once, when the application has started, which connection keys the connection in use leaves unused, so that
 * nobody believes a key they set is in force: a WARN when the embedded server runs although keys name another
 * connection, an INFO when a service connection (Testcontainers, Docker Compose) or the application's own
 * {@link MongoConnectionDetails} wins over {@code djongo.client.*}, as in Spring Boot it wins over
 * {@code spring.mongodb.*}. Keys are named with their origin, never their values.
 */
final class UnusedConnectionKeys implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DjongoConnectionDetails.LOGGER_NAME);

	private final ConnectionSource source;

	private final ObjectProvider<MongoConnectionDetails> details;

	private final BooleanSupplier embedded;

	/**
	 * @param embedded whether the embedded server runs
	 */
	UnusedConnectionKeys(ConnectionSource source, ObjectProvider<MongoConnectionDetails> details,
			BooleanSupplier embedded) {
		this.source = source;
		this.details = details;
		this.embedded = embedded;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String line = line();
		if (line != null && this.embedded.getAsBoolean()) {
			logger.warn(line);
		}
		else if (line != null) {
			logger.info(line);
		}
	}

	/** The line to log, or null when every key set is used. */
	@org.jspecify.annotations.Nullable String line() {
		List<String> unused = new ArrayList<>(this.source.djongoKeys());
		if (this.embedded.getAsBoolean()) {
			unused.addAll(this.source.springKeys());
			return unused.isEmpty() ? null : "djongo connects to the embedded server ("
					+ ((this.source.embeddedMode() == EmbeddedMode.TRUE) ? "djongo.embedded.enabled is true"
							: "djongo.client.host is not set")
					+ "), so these keys are not used: " + String.join(", ", unused);
		}
		MongoConnectionDetails inUse = this.details.getIfUnique();
		if (unused.isEmpty() || inUse == null || inUse instanceof DjongoConnectionDetails) {
			return null;
		}
		return "djongo connects as " + ClassUtils.getUserClass(inUse).getName() + " says (a service connection, or"
				+ " the application's own MongoConnectionDetails), so these djongo.client.* keys are not used: "
				+ String.join(", ", unused);
	}

}
