package io.djongo.spring.autoconfigure.diagnostics;

import java.io.IOException;
import java.util.Properties;

import io.djongo.spring.autoconfigure.MissingDatabaseNameException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class MissingDatabaseNameFailureAnalyzerUnitTests {

	@Test
	void descriptionNamesThePropertyAndActionShowsTheYaml() {
		FailureAnalysis analysis = new MissingDatabaseNameFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", new MissingDatabaseNameException()));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("'djongo.name'").contains("missing or empty");
		assertThat(analysis.getAction()).contains("djongo:\n      name: mydatabase").contains("DJONGO_NAME");
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() throws IOException {
		Properties factories = new Properties();
		factories.load(new ClassPathResource("META-INF/spring.factories").getInputStream());
		assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
			.contains(MissingDatabaseNameFailureAnalyzer.class.getName());
	}

}
