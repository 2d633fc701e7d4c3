package io.djongo.spring.autoconfigure.diagnostics;

import java.io.IOException;
import java.util.Properties;

import io.djongo.spring.core.relation.InvalidRelationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidRelationFailureAnalyzerUnitTests {

	@Test
	void descriptionNamesModelAndFieldAndActionTheRules() {
		InvalidRelationException cause = new InvalidRelationException(Badge.class, "owner",
				"on_delete SET_NULL needs a field that can be null; it is declared nullable = false");
		FailureAnalysis analysis = new InvalidRelationFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("'owner'")
			.contains(Badge.class.getName())
			.contains("Badge.owner: on_delete SET_NULL needs a field that can be null");
		assertThat(analysis.getAction()).contains(Badge.class.getName() + ".owner").contains("SET_NULL needs a field");
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() throws IOException {
		Properties factories = new Properties();
		factories.load(new ClassPathResource("META-INF/spring.factories").getInputStream());
		assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
			.contains(InvalidRelationFailureAnalyzer.class.getName());
	}

	static class Badge {

	}

}
