package io.djongo.spring.autoconfigure.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;

import io.djongo.spring.autoconfigure.UnsupportedMongoPropertiesException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class UnsupportedMongoPropertiesFailureAnalyzerUnitTests {

	@Test
	void namesEachKeyWithItsReplacement() {
		Map<String, String> replacements = new LinkedHashMap<>();
		replacements.put("spring.data.mongodb.uri (System Environment Property \"SPRING_DATA_MONGODB_URI\")",
				"spring.mongodb.uri");
		replacements.put("spring.data.mongodb.database", "spring.mongodb.database");
		FailureAnalysis analysis = new UnsupportedMongoPropertiesFailureAnalyzer()
			.analyze(new UnsupportedMongoPropertiesException(replacements));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("Spring Boot 4 no longer reads")
			.contains("\n    spring.data.mongodb.uri (System Environment Property \"SPRING_DATA_MONGODB_URI\")"
					+ "\n        now spring.mongodb.uri")
			.contains("\n    spring.data.mongodb.database\n        now spring.mongodb.database");
		assertThat(analysis.getAction()).contains("SPRING_DATA_MONGODB_URI becomes SPRING_MONGODB_URI");
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		assertThat(SpringFactories.failureAnalyzers()).contains(UnsupportedMongoPropertiesFailureAnalyzer.class.getName());
	}

}
