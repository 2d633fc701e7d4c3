package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.autoconfigure.embedded.EmbeddedServerUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServerUnavailableFailureAnalyzerUnitTests {

	private final EmbeddedServerUnavailableFailureAnalyzer analyzer = new EmbeddedServerUnavailableFailureAnalyzer();

	@Test
	void enabledWithoutTheServerShowsTheDependency() {
		FailureAnalysis analysis = this.analyzer.analyze(EmbeddedServerUnavailableException.server());
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.contains("djongo.embedded.enabled=true needs de.bwaldvogel:mongo-java-server, which is not on the class path");
		assertThat(analysis.getAction()).contains("<artifactId>djongo-spring-boot-embedded</artifactId>")
			.contains("or de.bwaldvogel:mongo-java-server itself; or remove djongo.embedded.enabled=true.");
	}

	@Test
	void pathWithoutTheH2BackendShowsTheDependency() {
		FailureAnalysis analysis = this.analyzer.analyze(EmbeddedServerUnavailableException.h2Backend());
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.contains("djongo.embedded.path needs de.bwaldvogel:mongo-java-server-h2-backend");
		assertThat(analysis.getAction()).contains("or de.bwaldvogel:mongo-java-server-h2-backend itself");
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		assertThat(SpringFactories.failureAnalyzers()).contains(EmbeddedServerUnavailableFailureAnalyzer.class.getName());
	}

}
