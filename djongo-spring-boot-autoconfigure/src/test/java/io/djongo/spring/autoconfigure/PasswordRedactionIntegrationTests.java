package io.djongo.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import io.djongo.spring.autoconfigure.diagnostics.FailureAnalyzersTestSupport;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.logging.CommandLogger;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The password of {@code djongo.client.*} appears in no log line, no error message and no {@code toString()}: not
 * while connecting, not when authentication fails, not in the command log, not when a key is misspelt.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasswordRedactionIntegrationTests {

	private static final String PASSWORD = "Xy9-never-shown-Pw";

	private static final String PROXY_PASSWORD = "Qz7-proxy-never-shown";

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class))
		.withPropertyValues("djongo.name=secrets", "djongo.client.host=" + TestUris.hosts(),
				"djongo.client.username=app", "djongo.client.password=" + PASSWORD,
				"djongo.client.server-selection-timeout-ms=3000", "djongo.client.connect-timeout-ms=3000");

	@AfterEach
	void resetLevels() {
		this.loggingSystem.setLogLevel("djongo", null);
		this.loggingSystem.setLogLevel("org.mongodb.driver", null);
		this.loggingSystem.setLogLevel(DjongoCredentialsCustomizer.DRIVER_SETTINGS_LOGGER, null);
	}

	@Test
	void passwordIsNeitherLoggedNorInErrorsWhenAuthenticationFails(CapturedOutput output) {
		this.loggingSystem.setLogLevel("djongo", LogLevel.DEBUG);
		this.loggingSystem.setLogLevel("org.mongodb.driver", LogLevel.DEBUG);
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MongoClient.class);
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			// the user does not exist (the embedded server does not even know saslStart): authentication fails
			Throwable failure = catchThrowable(() -> template.command(new Document("ping", 1)));
			assertThat(failure).isNotNull();
			assertThat(messages(failure)).noneMatch((message) -> message.contains(PASSWORD));
			assertThat(output).contains("djongo connects to mongodb://app:****@").doesNotContain(PASSWORD);
		});
		assertThat(output).doesNotContain(PASSWORD);
	}

	@Test
	void passwordIsInNoToStringOfOurObjectsNorInThePublishedConnectionString(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("djongo.client.proxy-host=proxy.invalid", "djongo.client.proxy-username=tunnel",
					"djongo.client.proxy-password=" + PROXY_PASSWORD)
			.run((context) -> {
				MongoConnectionDetails details = context.getBean(MongoConnectionDetails.class);
				assertThat(details).isInstanceOf(DjongoConnectionDetails.class);
				assertThat(details.toString()).contains("app:****@").doesNotContain(PASSWORD, PROXY_PASSWORD);
				assertThat(details.getConnectionString().toString()).doesNotContain(PASSWORD, PROXY_PASSWORD, "app");
				assertThat(details.getConnectionString().getCredential()).isNull();
				assertThat(context.getBean(DjongoProperties.class).toString()).doesNotContain(PASSWORD);
				assertThat(context.getBean(DjongoProperties.class).getClient().toString()).doesNotContain(PASSWORD);
				assertThat(((DjongoConnectionDetails) details).credential().toString()).doesNotContain(PASSWORD);
				assertThat(context).hasSingleBean(MongoClient.class);
			});
		// driver 5.6 prints ProxySettings, password included, in its INFO line of the client's settings
		assertThat(output).contains("djongo set org.mongodb.driver.client to WARN")
			.doesNotContain(PASSWORD, PROXY_PASSWORD);
	}

	@Test
	void commandLogIsPasswordFree(CapturedOutput output) {
		this.loggingSystem.setLogLevel(CommandLogger.LOGGER_NAME, LogLevel.DEBUG);
		try {
			this.contextRunner
				.withPropertyValues("djongo.client.host=" + TestMongo.uri(), "djongo.client.username=",
						"djongo.client.password=",
						"djongo.logging.log-values=true")
				.run((context) -> {
					DjongoTemplate template = context.getBean(DjongoTemplate.class);
					template.mongo("users").insertOne(new Document("name", "ann").append("password", PASSWORD));
					template.getDb().drop();
				});
			assertThat(output).contains("insert: \"users\"").contains("password: ****").doesNotContain(PASSWORD);
		}
		finally {
			this.loggingSystem.setLogLevel(CommandLogger.LOGGER_NAME, null);
		}
	}

	@Test
	void misspeltPasswordKeyFailsWithoutShowingItsValue() {
		this.contextRunner.withPropertyValues("djongo.client.passwrd=" + PASSWORD).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).noneMatch((message) -> message.contains(PASSWORD));
			FailureAnalysis analysis = FailureAnalyzersTestSupport.analyzeUnknownProperty(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription() + analysis.getAction()).contains("djongo.client.passwrd")
				.contains("Did you mean djongo.client.password?")
				.doesNotContain(PASSWORD);
		});
	}

	@Test
	void secretMechanismPropertiesStayOutOfErrorsAndLogs(CapturedOutput output) {
		this.contextRunner.withPropertyValues("djongo.client.auth-mechanism-properties.AWS_SESSION_TOKEN=" + PASSWORD)
			.run((context) -> assertThat(context).hasNotFailed());
		// an invalid configuration fails start-up with the connection string in its message
		this.contextRunner
			.withPropertyValues("djongo.client.auth-mechanism-properties.AWS_SESSION_TOKEN=" + PASSWORD,
					"djongo.client.proxy-host=proxy.invalid", "djongo.client.proxy-password=" + PROXY_PASSWORD)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(messages(context.getStartupFailure())).anyMatch((message) -> message.contains("AWS_SESSION_TOKEN"))
					.noneMatch((message) -> message.contains(PASSWORD) || message.contains(PROXY_PASSWORD));
			});
		assertThat(output).doesNotContain(PASSWORD);
	}

	private static List<String> messages(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.add(String.valueOf(cause.getMessage()));
			messages.add(cause.toString());
		}
		return messages;
	}

}
