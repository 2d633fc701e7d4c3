package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.core.schema.CollectionVerificationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains {@code djongo.indexes: verify} finding capped collections the database lacks or holds with other options.
 */
class CollectionVerificationFailureAnalyzer extends AbstractFailureAnalyzer<CollectionVerificationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CollectionVerificationException cause) {
		return new FailureAnalysis("djongo-spring could not start: " + cause.getMessage(),
				"Create the missing capped collections before starting with djongo.indexes: verify: run the"
						+ " application once with --djongo.migrate (as a user allowed to create collections), or start"
						+ " once with djongo.indexes: create. An existing collection is never converted by djongo:"
						+ " convert it yourself (convertToCapped keeps only the newest documents that fit), or drop it"
						+ " and migrate, or change the @Model to match it.",
				cause);
	}

}
