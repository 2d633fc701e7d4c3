package io.djongo.spring.autoconfigure.diagnostics;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.djongo.spring.core.schema.CollectionState;
import io.djongo.spring.core.schema.CollectionVerificationException;
import io.djongo.spring.core.schema.IndexState;
import io.djongo.spring.core.schema.IndexVerificationException;
import io.djongo.spring.core.schema.InvalidIndexException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class IndexFailureAnalyzersUnitTests {

	@Test
	void aBadIndexDeclarationIsExplainedNamingModelAndField() {
		InvalidIndexException cause = new InvalidIndexException(Session.class, "title",
				"a TTL index (expireAfter) @Indexed title needs a date field");
		FailureAnalysis analysis = new InvalidIndexFailureAnalyzer().analyze(new IllegalStateException("wrapped", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains(Session.class.getName())
			.contains("'title'")
			.contains("Session.title: a TTL index (expireAfter) @Indexed title needs a date field");
		assertThat(analysis.getAction()).contains("a TTL (expireAfter) needs one date field")
			.contains("remove the duplicates first");
	}

	@Test
	void aFailedVerificationNamesEachIndexAndTheWaysToCreateThem() {
		IndexVerificationException cause = new IndexVerificationException(List.of(new IndexState("Book", "book", "isbn",
				Map.of("isbn", 1), IndexState.Status.MISSING, "")));
		FailureAnalysis analysis = new IndexVerificationFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("Book index 'isbn' {\"isbn\": 1} on 'book': MISSING");
		assertThat(analysis.getAction()).contains("--djongo.migrate").contains("djongo.indexes: create");
	}

	@Test
	void aFailedCollectionVerificationNamesEachCollectionAndNeverConverts() {
		CollectionVerificationException cause = new CollectionVerificationException(List.of(new CollectionState("Event",
				"event", CollectionState.Status.DIFFERENT, "the collection is not capped")));
		FailureAnalysis analysis = new CollectionVerificationFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.contains("Event collection 'event': DIFFERENT (the collection is not capped)");
		assertThat(analysis.getAction()).contains("--djongo.migrate").contains("never converted by djongo");
	}

	@Test
	void bothAreRegisteredAsFailureAnalyzers() throws IOException {
		Properties factories = new Properties();
		factories.load(new ClassPathResource("META-INF/spring.factories").getInputStream());
		assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
			.contains(InvalidIndexFailureAnalyzer.class.getName())
			.contains(IndexVerificationFailureAnalyzer.class.getName())
			.contains(CollectionVerificationFailureAnalyzer.class.getName());
	}

	static class Session {

	}

}
