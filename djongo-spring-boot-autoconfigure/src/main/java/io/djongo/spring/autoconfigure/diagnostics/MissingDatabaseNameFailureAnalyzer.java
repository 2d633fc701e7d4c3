package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.autoconfigure.MissingDatabaseNameException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing {@code djongo.name} and shows the line to add.
 */
class MissingDatabaseNameFailureAnalyzer extends AbstractFailureAnalyzer<MissingDatabaseNameException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingDatabaseNameException cause) {
		return new FailureAnalysis(
				"djongo-spring could not start: the property 'djongo.name' (the MongoDB database of your models) is missing or empty.",
				"Add the database name to application.yml:\n\n    djongo:\n      name: mydatabase\n\n"
						+ "or set the property djongo.name (environment variable DJONGO_NAME).",
				cause);
	}

}
