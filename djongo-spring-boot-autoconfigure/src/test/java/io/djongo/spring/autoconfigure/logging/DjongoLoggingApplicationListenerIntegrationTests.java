package io.djongo.spring.autoconfigure.logging;

import java.util.List;
import java.util.regex.Pattern;

import ch.qos.logback.classic.LoggerContext;
import com.mongodb.client.model.Indexes;
import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.logging.CommandLogger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code djongo.logging.*} in a real start-up: applied through Spring Boot's LoggingSystem before any bean exists.
 */
@ExtendWith(OutputCaptureExtension.class)
class DjongoLoggingApplicationListenerIntegrationTests {

	private static final String CONNECTIONS = "de.bwaldvogel.mongo.wire.MongoWireProtocolHandler";

	private static final String INDEXES = "de.bwaldvogel.mongo.backend.AbstractMongoDatabase";

	private static final List<String> LOGGERS = List.of("djongo", CommandLogger.LOGGER_NAME, "djongo.embedded",
			"de.bwaldvogel", "de.bwaldvogel.mongo.MongoServer", CONNECTIONS, INDEXES);

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@AfterEach
	void resetLoggers() {
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		for (String name : LOGGERS) {
			this.loggingSystem.setLogLevel(name, null);
			logback.getLogger(name).setAdditive(true);
		}
	}

	@Test
	void startUpLogsAlreadyHonourTheLevels(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--djongo.logging.loggers.djongo.level=ERROR")) {
			assertThat(context.isActive()).isTrue();
			assertThat(this.loggingSystem.getLoggerConfiguration("djongo").getConfiguredLevel())
				.isEqualTo(LogLevel.ERROR);
		}
		// the embedded server's WARN line is logged while the beans are created
		assertThat(output).doesNotContain("djongo started an embedded MongoDB-wire server");
	}

	@Test
	void theEmbeddedServersConnectionAndIndexLinesAreQuietByDefault(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			context.getBean(DjongoTemplate.class).mongo("quiet").createIndex(Indexes.ascending("title"));
			assertThat(this.loggingSystem.getLoggerConfiguration(CONNECTIONS).getEffectiveLevel())
				.isEqualTo(LogLevel.WARN);
			assertThat(this.loggingSystem.getLoggerConfiguration(INDEXES).getConfiguredLevel())
				.isEqualTo(LogLevel.ERROR);
		}
		assertThat(output).doesNotContain("is not yet implemented")
			.doesNotContain("de.bwaldvogel.mongo.wire")
			.doesNotContain("Closing 2 clients");
	}

	@Test
	void anApplicationsOwnLevelForTheEmbeddedServerWins(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--logging.level.de.bwaldvogel=INFO")) {
			context.getBean(DjongoTemplate.class).mongo("loud").createIndex(Indexes.ascending("title"));
			assertThat(this.loggingSystem.getLoggerConfiguration(INDEXES).getConfiguredLevel()).isNull();
		}
		assertThat(output).contains("is not yet implemented").containsPattern("client .* connected");
	}

	@Test
	void djongoLoggingCanSetTheEmbeddedServersLevelsToo() {
		try (ConfigurableApplicationContext context = run(
				"--djongo.logging.loggers[de.bwaldvogel.mongo.wire.MongoWireProtocolHandler].level=DEBUG")) {
			assertThat(this.loggingSystem.getLoggerConfiguration(CONNECTIONS).getConfiguredLevel())
				.isEqualTo(LogLevel.DEBUG);
			assertThat(this.loggingSystem.getLoggerConfiguration(INDEXES).getConfiguredLevel())
				.isEqualTo(LogLevel.ERROR);
		}
	}

	@Test
	void acceptsPythonLevelNames() {
		try (ConfigurableApplicationContext context = run("--djongo.logging.loggers.djongo.level=WARNING",
				"--djongo.logging.loggers[djongo.embedded].level=CRITICAL",
				"--djongo.logging.loggers[djongo.commands].level=NOTSET")) {
			assertThat(context.isActive()).isTrue();
			assertThat(this.loggingSystem.getLoggerConfiguration("djongo").getConfiguredLevel())
				.isEqualTo(LogLevel.WARN);
			assertThat(this.loggingSystem.getLoggerConfiguration("djongo.embedded").getConfiguredLevel())
				.isIn(LogLevel.FATAL, LogLevel.ERROR);
			assertThat(this.loggingSystem.getLoggerConfiguration(CommandLogger.LOGGER_NAME).getConfiguredLevel())
				.isNull();
		}
	}

	@Test
	void winsOverSpringBootsLoggingLevel() {
		try (ConfigurableApplicationContext context = run("--logging.level.djongo=INFO",
				"--djongo.logging.loggers.djongo.level=DEBUG")) {
			assertThat(context.isActive()).isTrue();
			assertThat(this.loggingSystem.getLoggerConfiguration("djongo").getConfiguredLevel())
				.isEqualTo(LogLevel.DEBUG);
		}
	}

	@Test
	void debugLogsEachCommandWithItsShapeOutcomeAndDuration(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--djongo.logging.loggers.djongo.level=DEBUG")) {
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			template.mongo("posts").insertOne(new Document("title", "Secret Title").append("views", 7));
			template.mongo("posts").find(new Document("title", "Secret Title")).first();
		}
		assertThat(output).containsPattern(Pattern.quote(
				"DEBUG djongo.commands - logs: {insert: \"posts\", ordered: ?, documents: [{_id: ?, title: ?, views: ?}]}")
				+ " -> ok in \\d+\\.\\d\\d ms")
			.containsPattern(Pattern.quote("logs: {find: \"posts\", filter: {title: ?}, limit: ?")
					+ ".* -> ok in \\d+\\.\\d\\d ms")
			.doesNotContain("Secret Title");
	}

	@Test
	void logValuesShowsTheValues(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--djongo.logging.loggers.djongo.level=DEBUG",
				"--djongo.logging.log-values=true")) {
			context.getBean(DjongoTemplate.class).mongo("posts").insertOne(new Document("title", "Shown Title"));
		}
		assertThat(output).contains("documents: [{_id: ObjectId(\"").contains("title: \"Shown Title\"");
	}

	@Test
	void failedCommandIsLoggedWithItsError(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--djongo.logging.loggers[djongo.commands].level=DEBUG")) {
			Throwable failure = catchThrowable(
					() -> context.getBean(DjongoTemplate.class).command(new Document("noSuchCommand", 1)));
			assertThat(failure).isNotNull();
		}
		assertThat(output).containsPattern(
				Pattern.quote("logs: {noSuchCommand: 1} -> failed in ") + "\\d+\\.\\d\\d ms: error 59 \\(CommandNotFound\\)");
	}

	@Test
	void commandsAreNotLoggedAboveDebug(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--djongo.logging.loggers.djongo.level=INFO")) {
			context.getBean(DjongoTemplate.class).mongo("posts").insertOne(new Document("title", "t"));
		}
		assertThat(output).doesNotContain(" djongo.commands - ");
	}

	@Test
	void propagateFalseDetachesTheLoggerFromTheRootAppenders(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--djongo.logging.loggers.djongo.level=DEBUG",
				"--djongo.logging.loggers.djongo.propagate=false")) {
			assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("djongo").isAdditive()).isFalse();
			context.getBean(DjongoTemplate.class).mongo("posts").insertOne(new Document("title", "t"));
		}
		// records of djongo's loggers reach no appender (Logback itself reports that on its status channel)
		assertThat(output).doesNotContain(" djongo.commands - ").doesNotContain(" djongo.embedded - ");
	}

	private ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(LoggingTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		String[] all = new String[args.length + 1];
		all[0] = "--djongo.name=logs";
		System.arraycopy(args, 0, all, 1, args.length);
		return application.run(all);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DjongoAutoConfiguration.class, DjongoDatabaseFactoryAutoConfiguration.class,
			MongoAutoConfiguration.class, DataMongoAutoConfiguration.class })
	static class LoggingTestApplication {

	}

}
