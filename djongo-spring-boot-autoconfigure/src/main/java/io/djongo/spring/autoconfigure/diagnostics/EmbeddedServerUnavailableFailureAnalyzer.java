package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.autoconfigure.embedded.EmbeddedServerUnavailableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a setting of the embedded server whose classes are not on the class path, and shows the dependency.
 */
class EmbeddedServerUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedServerUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedServerUnavailableException cause) {
		return new FailureAnalysis(
				"djongo-spring could not start: " + cause.getSetting() + " needs " + cause.getArtifact()
						+ ", which is not on the class path.",
				"Add the embedded server, in runtime or test scope (it brings mongo-java-server and its H2 backend):\n\n"
						+ EmbeddedDependency.SNIPPET + "\nor " + cause.getArtifact() + " itself; or remove "
						+ cause.getSetting() + ".",
				cause);
	}

}
