package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.autoconfigure.UnsupportedMongoPropertiesException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a Spring Boot 3 {@code spring.data.mongodb.*} connection key, which Spring Boot 4 no longer reads, and
 * names its replacement.
 */
class UnsupportedMongoPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedMongoPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedMongoPropertiesException cause) {
		StringBuilder description = new StringBuilder("djongo-spring could not start: Spring Boot 4 no longer reads")
			.append(" these keys, so the connection they describe would be ignored:\n");
		cause.getReplacements()
			.forEach((key, replacement) -> description.append("\n    ").append(key).append("\n        now ")
				.append(replacement));
		return new FailureAnalysis(description.toString(),
				"Rename each key as shown (the environment variable SPRING_DATA_MONGODB_URI becomes"
						+ " SPRING_MONGODB_URI), or configure djongo.client.* instead.",
				cause);
	}

}
