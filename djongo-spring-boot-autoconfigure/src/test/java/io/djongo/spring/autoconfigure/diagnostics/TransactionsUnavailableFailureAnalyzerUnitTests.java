package io.djongo.spring.autoconfigure.diagnostics;

import java.io.IOException;
import java.util.Properties;

import io.djongo.spring.core.transaction.TransactionsUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionsUnavailableFailureAnalyzerUnitTests {

	@Test
	void descriptionNamesTheDeploymentAndActionTheWaysOut() {
		TransactionsUnavailableException cause = new TransactionsUnavailableException(
				"the standalone server at 127.0.0.1:27017 (the embedded server is one)");
		FailureAnalysis analysis = new TransactionsUnavailableFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("djongo.transactions is 'required'")
			.contains("the standalone server at 127.0.0.1:27017");
		assertThat(analysis.getAction()).contains("replica set").contains("djongo.transactions=auto");
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() throws IOException {
		Properties factories = new Properties();
		factories.load(new ClassPathResource("META-INF/spring.factories").getInputStream());
		assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
			.contains(TransactionsUnavailableFailureAnalyzer.class.getName());
	}

}
