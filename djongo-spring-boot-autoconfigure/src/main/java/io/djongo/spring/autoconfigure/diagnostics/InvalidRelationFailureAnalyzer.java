package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.core.relation.InvalidRelationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a relation whose {@code on_delete} rule cannot be honoured, naming the model and field.
 */
class InvalidRelationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRelationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidRelationException cause) {
		return new FailureAnalysis(
				"djongo-spring could not start: the relation field '" + cause.getField() + "' of model "
						+ cause.getModel() + " is declared in a way djongo cannot honour:\n\n    " + cause.getMessage(),
				"Fix the declaration of " + cause.getModel() + "." + cause.getField()
						+ ": SET_NULL needs a field that can be null (no nullable = false, no @NotNull), SET_DEFAULT a"
						+ " no-argument constructor that gives the field its default; or choose another OnDelete rule.",
				cause);
	}

}
