package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.core.schema.IndexVerificationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains {@code djongo.indexes: verify} finding indexes the database lacks or holds with other options.
 */
class IndexVerificationFailureAnalyzer extends AbstractFailureAnalyzer<IndexVerificationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IndexVerificationException cause) {
		return new FailureAnalysis("djongo-spring could not start: " + cause.getMessage(),
				"Create the missing indexes before starting with djongo.indexes: verify: run the application once"
						+ " with --djongo.migrate (as a user allowed to create indexes), or start once with"
						+ " djongo.indexes: create. A different index is never changed by djongo: drop it (or change"
						+ " the declaration to match it), then migrate.",
				cause);
	}

}
