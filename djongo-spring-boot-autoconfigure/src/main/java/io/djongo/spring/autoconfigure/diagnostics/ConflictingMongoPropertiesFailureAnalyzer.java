package io.djongo.spring.autoconfigure.diagnostics;

import java.util.List;

import io.djongo.spring.autoconfigure.ConflictingMongoPropertiesException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains djongo's keys and Spring Boot's saying different things, naming both, with where each was set.
 */
class ConflictingMongoPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<ConflictingMongoPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConflictingMongoPropertiesException cause) {
		if (cause.isDatabase()) {
			return new FailureAnalysis("djongo-spring could not start: djongo's keys and Spring Boot's name different"
					+ " databases, and djongo will not guess which one the models belong in:\n"
					+ keys(cause.getDjongoKeys()) + keys(cause.getSpringKeys()),
					"Name one database: djongo.name is the database of the models, so set djongo.name to the database"
							+ " you mean, and remove spring.mongodb.database (or the database in the path of"
							+ " spring.mongodb.uri) or make it the same.",
					cause);
		}
		return new FailureAnalysis("djongo-spring could not start: both djongo.client.* and Spring Boot's"
				+ " spring.mongodb.* configure the connection to MongoDB, and djongo will not ignore one of them:\n"
				+ keys(cause.getDjongoKeys()) + keys(cause.getSpringKeys()),
				"Keep one of them: remove the spring.mongodb.* keys (and environment variables such as"
						+ " SPRING_MONGODB_URI) to connect with djongo.client.*, or remove the djongo.client.* keys to"
						+ " connect with spring.mongodb.*; connection options such as max-pool-size can then be"
						+ " written in spring.mongodb.uri (?maxPoolSize=50).",
				cause);
	}

	private static String keys(List<String> keys) {
		StringBuilder text = new StringBuilder();
		for (String key : keys) {
			text.append("\n    ").append(key);
		}
		return text.toString();
	}

}
