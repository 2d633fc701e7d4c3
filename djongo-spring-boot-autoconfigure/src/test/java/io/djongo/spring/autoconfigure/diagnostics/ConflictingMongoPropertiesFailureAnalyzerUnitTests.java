package io.djongo.spring.autoconfigure.diagnostics;

import java.util.List;

import io.djongo.spring.autoconfigure.ConflictingMongoPropertiesException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictingMongoPropertiesFailureAnalyzerUnitTests {

	private final ConflictingMongoPropertiesFailureAnalyzer analyzer = new ConflictingMongoPropertiesFailureAnalyzer();

	@Test
	void namesTheKeysOfBothWithTheirOriginsAndAsksToKeepOne() {
		FailureAnalysis analysis = this.analyzer.analyze(ConflictingMongoPropertiesException.connection(
				List.of("djongo.client.host (class path resource [application.yml] - 3:11)"),
				List.of("spring.mongodb.uri (System Environment Property \"SPRING_MONGODB_URI\")")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.contains("both djongo.client.* and Spring Boot's spring.mongodb.* configure the connection")
			.contains("\n    djongo.client.host (class path resource [application.yml] - 3:11)")
			.contains("\n    spring.mongodb.uri (System Environment Property \"SPRING_MONGODB_URI\")");
		assertThat(analysis.getAction()).contains("Keep one of them", "SPRING_MONGODB_URI", "?maxPoolSize=50");
	}

	@Test
	void namesBothDatabases() {
		FailureAnalysis analysis = this.analyzer.analyze(ConflictingMongoPropertiesException
			.database("djongo.name (class path resource [application.yml] - 2:9)", "blog", "spring.mongodb.uri", "prod"));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("name different databases")
			.contains("djongo.name (class path resource [application.yml] - 2:9): 'blog'")
			.contains("spring.mongodb.uri: 'prod'");
		assertThat(analysis.getAction()).contains("djongo.name is the database of the models");
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		assertThat(SpringFactories.failureAnalyzers()).contains(ConflictingMongoPropertiesFailureAnalyzer.class.getName());
	}

}
