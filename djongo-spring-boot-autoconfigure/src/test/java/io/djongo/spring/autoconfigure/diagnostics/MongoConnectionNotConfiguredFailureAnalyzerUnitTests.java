package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.autoconfigure.DjongoProperties.EmbeddedMode;
import io.djongo.spring.autoconfigure.MongoConnectionNotConfiguredException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MongoConnectionNotConfiguredFailureAnalyzerUnitTests {

	private final MongoConnectionNotConfiguredFailureAnalyzer analyzer = new MongoConnectionNotConfiguredFailureAnalyzer();

	@Test
	void namesBothWaysOutWhenTheEmbeddedServerIsNotOnTheClassPath() {
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("wrapped",
				new MongoConnectionNotConfiguredException(EmbeddedMode.AUTO, false)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("no MongoDB to connect to")
			.contains("djongo.client.host", "spring.mongodb.uri")
			.contains("the embedded server (mongo-java-server) is not on the class path");
		assertThat(analysis.getAction()).contains("1. Connect to your MongoDB")
			.contains("djongo:\n      client:\n        host: mongodb://db.example.com:27017")
			.contains("DJONGO_CLIENT_HOST", "SPRING_MONGODB_URI")
			.contains("2. For development and tests")
			.contains("<groupId>io.djongo</groupId>", "<artifactId>djongo-spring-boot-embedded</artifactId>",
					"<scope>runtime</scope>")
			.contains("or de.bwaldvogel:mongo-java-server itself.")
			.doesNotContain("djongo.embedded.enabled=false");
	}

	@Test
	void whenTheServerIsTurnedOffSaysToTurnItOn() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new MongoConnectionNotConfiguredException(EmbeddedMode.FALSE, true));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("djongo.embedded.enabled is false");
		assertThat(analysis.getAction()).contains("remove djongo.embedded.enabled=false.")
			.doesNotContain("<dependency>");
	}

	@Test
	void whenTheServerIsTurnedOffAndMissingSaysBoth() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new MongoConnectionNotConfiguredException(EmbeddedMode.FALSE, false));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getAction()).contains("<artifactId>djongo-spring-boot-embedded</artifactId>")
			.contains("and remove djongo.embedded.enabled=false.");
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		assertThat(SpringFactories.failureAnalyzers()).contains(MongoConnectionNotConfiguredFailureAnalyzer.class.getName());
	}

}
