package io.djongo.spring.autoconfigure.diagnostics;

import java.io.IOException;
import java.util.Properties;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import io.djongo.spring.autoconfigure.InvalidDatabaseNameException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A {@code djongo.name} MongoDB refuses fails start-up when {@code djongo.*} is bound, with an analysis naming the key
 * and MongoDB's rule; the embedded server is on the class path, so nothing else stands in the way.
 */
class InvalidDatabaseNameFailureAnalyzerIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DjongoAutoConfiguration.class, MongoAutoConfiguration.class,
					DjongoDatabaseFactoryAutoConfiguration.class, DataMongoAutoConfiguration.class));

	@Test
	void aNameWithADotAndASlashFailsAtBindingWithAnAnalysisNamingTheKeyAndTheRule() {
		this.runner.withPropertyValues("djongo.name=my.library/db").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).hasRootCauseInstanceOf(InvalidDatabaseNameException.class);
			assertThat(failure).satisfies((ex) -> assertThat(findBindException(ex)).isNotNull());
			FailureAnalysis analysis = new InvalidDatabaseNameFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("djongo.name")
				.contains("'my.library/db'")
				.contains("it contains '.' and '/'");
			assertThat(analysis.getAction()).contains("name: my_library_db")
				.contains("shorter than 64 bytes")
				.contains("/ \\ . \" $");
		});
	}

	@Test
	void aNameOf64BytesIsRefusedAndOf63Accepted() {
		assertThatExceptionOfType(InvalidDatabaseNameException.class)
			.isThrownBy(() -> InvalidDatabaseNameException.check("d".repeat(64)))
			.withMessageContaining("64 bytes long (at most 63)");
		assertThatNoException().isThrownBy(() -> InvalidDatabaseNameException.check("d".repeat(63)));
		assertThatExceptionOfType(InvalidDatabaseNameException.class)
			.isThrownBy(() -> InvalidDatabaseNameException.check("my db$"))
			.withMessageContaining("a space and '$'");
	}

	@Test
	void validNamesStartAsBefore() {
		this.runner.withPropertyValues("djongo.name=my_library-2").run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void isRegisteredAsAFailureAnalyzerBeforeSpringBootsBindAnalyzer() throws IOException {
		Properties factories = new Properties();
		factories.load(new ClassPathResource("META-INF/spring.factories").getInputStream());
		assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
			.contains(InvalidDatabaseNameFailureAnalyzer.class.getName());
		assertThat(new InvalidDatabaseNameFailureAnalyzer().getOrder()).isNegative();
	}

	private static BindException findBindException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind) {
				return bind;
			}
		}
		return null;
	}

}
