package io.djongo.spring.autoconfigure.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Runs the package-private analyzers from tests of other packages.
 */
public final class FailureAnalyzersTestSupport {

	private FailureAnalyzersTestSupport() {
	}

	/** What {@link UnknownDjongoPropertyFailureAnalyzer} makes of a start-up failure. */
	public static @Nullable FailureAnalysis analyzeUnknownProperty(Throwable failure) {
		return new UnknownDjongoPropertyFailureAnalyzer().analyze(failure);
	}

}
