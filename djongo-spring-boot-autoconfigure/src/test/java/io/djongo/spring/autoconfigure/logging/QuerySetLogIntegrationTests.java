package io.djongo.spring.autoconfigure.logging;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.test.TestMongo;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code djongo.logging.log-values} governs the QuerySet log ({@code djongo.query}) as it governs the command log.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuerySetLogIntegrationTests {

	private static final String QUERY_LOGGER = "djongo.query";

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class))
		.withPropertyValues("djongo.name=" + TestMongo.uniqueDatabaseName("querylog"),
				"djongo.client.host=" + TestMongo.uri());

	@BeforeEach
	void debug() {
		this.loggingSystem.setLogLevel(QUERY_LOGGER, LogLevel.DEBUG);
	}

	@AfterEach
	void reset() {
		this.loggingSystem.setLogLevel(QUERY_LOGGER, null);
	}

	@Test
	void queriesAreLoggedAsShapesByDefault(CapturedOutput output) {
		this.contextRunner.run((context) -> context.getBean(DjongoTemplate.class)
			.objects(Note.class)
			.filter("title__icontains", "Hidden Title")
			.list());
		assertThat(output).contains("Note: {find: \"querylog_note\", filter: {title: ?}}").doesNotContain("Hidden Title");
	}

	@Test
	void logValuesShowsTheQueryValues(CapturedOutput output) {
		this.contextRunner.withPropertyValues("djongo.logging.log-values=true")
			.run((context) -> context.getBean(DjongoTemplate.class)
				.objects(Note.class)
				.filter("title", "Shown Title")
				.list());
		assertThat(output).contains("Note: {find: \"querylog_note\", filter: {title: {$eq: \"Shown Title\"}}}");
	}

	@Document("querylog_note")
	static class Note {

		@Id
		@Nullable Long id;

		@Nullable String title;

	}

}
