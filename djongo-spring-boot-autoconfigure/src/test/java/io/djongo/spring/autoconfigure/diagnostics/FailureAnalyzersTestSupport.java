package io.djongo.spring.autoconfigure.diagnostics;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
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

	/** What the first of djongo's connection analyzers that recognises a start-up failure makes of it. */
	public static @Nullable FailureAnalysis analyzeConnection(Throwable failure) {
		List<AbstractFailureAnalyzer<?>> analyzers = List.of(new MongoConnectionNotConfiguredFailureAnalyzer(),
				new ConflictingMongoPropertiesFailureAnalyzer(), new UnsupportedMongoPropertiesFailureAnalyzer(),
				new EmbeddedServerUnavailableFailureAnalyzer());
		return analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

}
