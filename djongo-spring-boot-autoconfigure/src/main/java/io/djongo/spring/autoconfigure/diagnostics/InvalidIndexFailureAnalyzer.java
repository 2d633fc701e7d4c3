package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.core.schema.InvalidIndexException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an index declaration that cannot hold (or an index that cannot be created), naming the model and field.
 */
class InvalidIndexFailureAnalyzer extends AbstractFailureAnalyzer<InvalidIndexException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidIndexException cause) {
		return new FailureAnalysis(
				"djongo-spring could not start: an index of model " + cause.getModel() + " on '" + cause.getField()
						+ "' cannot hold:\n\n    " + cause.getMessage(),
				"Fix the index declaration of " + cause.getModel() + " ('" + cause.getField() + "'): a TTL"
						+ " (expireAfter) needs one date field; a unique index cannot go through a list; keys and"
						+ " partial filters name the model's fields (stored names in Spring Data's annotations, Java"
						+ " names in @ModelIndex). When stored documents already share a value of a new unique index,"
						+ " remove the duplicates first (djongo.check finds documents that drift from their model).",
				cause);
	}

}
