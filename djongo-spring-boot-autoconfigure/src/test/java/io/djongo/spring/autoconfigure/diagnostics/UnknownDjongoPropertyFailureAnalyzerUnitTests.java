package io.djongo.spring.autoconfigure.diagnostics;

import java.io.IOException;
import java.util.Properties;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class UnknownDjongoPropertyFailureAnalyzerUnitTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class))
		.withPropertyValues("djongo.name=x", "djongo.client.host=db.invalid");

	@Test
	void namesTheUnknownClientOptionSuggestsTheClosestAndListsTheClientOptions() {
		FailureAnalysis analysis = analyze("djongo.client.max-pool=5");
		assertThat(analysis.getDescription()).contains("djongo.client.max-pool")
			.contains("Did you mean djongo.client.max-pool-size?");
		assertThat(analysis.getAction()).contains("djongo.client.max-pool-size", "djongo.client.replica-set",
				"djongo.client.username", "djongo.client.auth-mechanism-properties.<key>")
			.doesNotContain("djongo.embedded.port");
	}

	@Test
	void unknownTopLevelKeyListsTheTopLevelKeysAndGroups() {
		FailureAnalysis analysis = analyze("djongo.nmae=blog");
		assertThat(analysis.getDescription()).contains("djongo.nmae").contains("Did you mean djongo.name?");
		assertThat(analysis.getAction()).contains("djongo.name", "djongo.enforce-schema", "djongo.client.*",
				"djongo.embedded.*", "djongo.logging.*");
	}

	@Test
	void unknownKeyWithoutCloseMatchHasNoSuggestion() {
		FailureAnalysis analysis = analyze("djongo.embedded.flavour=h2");
		assertThat(analysis.getDescription()).contains("djongo.embedded.flavour").doesNotContain("Did you mean");
		assertThat(analysis.getAction()).contains("djongo.embedded.enabled", "djongo.embedded.port");
	}

	@Test
	void dottedLoggerNameWithoutBracketsGetsTheBracketNotation() {
		FailureAnalysis analysis = analyze("djongo.logging.loggers.djongo.commands.level=DEBUG");
		assertThat(analysis.getDescription())
			.contains("A logger name with dots goes in brackets: djongo.logging.loggers[djongo.commands].level");
		assertThat(analysis.getAction()).contains("djongo.logging.loggers.<name>.level",
				"djongo.logging.loggers.<name>.propagate", "djongo.logging.log-values");
	}

	@Test
	void dottedLoggerNameInBracketsBinds() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DjongoDatabaseFactoryAutoConfiguration.class,
				MongoAutoConfiguration.class, DataMongoAutoConfiguration.class))
			.withPropertyValues("djongo.logging.loggers[djongo.commands].level=debug")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DjongoProperties.class).getLogging().getLoggers())
					.containsOnlyKeys("djongo.commands");
			});
	}

	@Test
	void valueIsNeverShown() {
		FailureAnalysis analysis = analyze("djongo.client.pasword=hunter2-value");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("hunter2-value");
	}

	@Test
	void everyUnknownKeyIsNamed() {
		FailureAnalysis analysis = analyze("djongo.client.max-pool=5", "djongo.client.replicaset-name=rs0");
		assertThat(analysis.getDescription()).contains("these djongo properties are unknown")
			.contains("djongo.client.max-pool", "djongo.client.replicaset-name");
	}

	@Test
	void ignoresUnboundPropertiesOutsideDjongo() {
		assertThat(new UnknownDjongoPropertyFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

	@Test
	void isRegisteredAndWinsOverSpringBootsGenericAnalyzer(CapturedOutput output) {
		SpringApplication application = new SpringApplication(FailingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(new Properties() {
			{
				setProperty("djongo.name", "x");
				setProperty("djongo.client.host", "db.invalid");
				setProperty("djongo.client.max-pool-sise", "secret-looking-value");
			}
		});
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Did you mean djongo.client.max-pool-size?")
			.doesNotContain("secret-looking-value");
	}

	@Test
	void isListedInSpringFactories() throws IOException {
		Properties factories = new Properties();
		factories.load(new ClassPathResource("META-INF/spring.factories").getInputStream());
		assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
			.contains(UnknownDjongoPropertyFailureAnalyzer.class.getName());
	}

	private FailureAnalysis analyze(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new UnknownDjongoPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DjongoAutoConfiguration.class)
	static class FailingApplication {

	}

}
