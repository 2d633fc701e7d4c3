package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.autoconfigure.DjongoProperties.EmbeddedMode;
import io.djongo.spring.autoconfigure.MongoConnectionNotConfiguredException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up with nowhere to connect, and names both ways out: configure a MongoDB, or add the embedded
 * server for development and tests.
 */
class MongoConnectionNotConfiguredFailureAnalyzer
		extends AbstractFailureAnalyzer<MongoConnectionNotConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MongoConnectionNotConfiguredException cause) {
		boolean disabled = cause.getEmbeddedMode() == EmbeddedMode.FALSE;
		String description = "djongo-spring could not start: there is no MongoDB to connect to. Neither"
				+ " djongo.client.host nor Spring Boot's spring.mongodb.uri (or another spring.mongodb.* connection key)"
				+ " is set, and " + (disabled ? "djongo.embedded.enabled is false"
						: "the embedded server (mongo-java-server) is not on the class path")
				+ ". djongo does not fall back to localhost or to an in-memory server on its own.";
		StringBuilder action = new StringBuilder("Do one of these:\n\n")
			.append("1. Connect to your MongoDB: set djongo.client.host, in application.yml\n\n")
			.append("    djongo:\n      client:\n        host: mongodb://db.example.com:27017\n\n")
			.append("   or as the environment variable DJONGO_CLIENT_HOST; or set Spring Boot's spring.mongodb.uri")
			.append(" (environment variable SPRING_MONGODB_URI).\n\n")
			.append("2. For development and tests, run on the embedded server: ");
		if (disabled && cause.isServerOnClassPath()) {
			action.append("remove djongo.embedded.enabled=false.");
		}
		else {
			action.append("add it to the class path, in runtime or test scope,\n\n")
				.append(EmbeddedDependency.SNIPPET)
				.append("\n   or de.bwaldvogel:mongo-java-server itself")
				.append(disabled ? ", and remove djongo.embedded.enabled=false." : ".");
		}
		return new FailureAnalysis(description, action.toString(), cause);
	}

}
