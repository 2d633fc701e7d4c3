package io.djongo.spring.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * djongo's passwords stay out of Actuator's {@code env} and {@code configprops} endpoints, even where an application
 * asks them to show values.
 */
class DjongoActuatorAutoConfigurationUnitTests {

	private static final String PASSWORD = "Pw-7f3-never-shown";

	private static final String PROXY_PASSWORD = "Proxy-9q-never-shown";

	private static final String URI_PASSWORD = "Uri-4k-never-shown";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoActuatorAutoConfiguration.class, DjongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class, EndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class))
		.withPropertyValues("djongo.name=actuated", "djongo.client.host=mongodb://app:" + URI_PASSWORD + "@db.invalid/",
				"djongo.client.username=app", "djongo.client.password=" + PASSWORD,
				"djongo.client.proxy-host=proxy.invalid", "djongo.client.proxy-username=tunnel",
				"djongo.client.proxyPassword=" + PROXY_PASSWORD,
				"djongo.client.auth-mechanism-properties.AWS_SESSION_TOKEN=" + PASSWORD,
				"management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always");

	@Test
	void envShowsDjongosSecretsMaskedAndEverythingElse() {
		this.contextRunner.withSystemProperties("DJONGO_CLIENT_PASSWORD=" + PASSWORD).run((context) -> {
			EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
			assertThat(env.environmentEntry("djongo.client.password").getProperty().getValue()).isEqualTo("******");
			assertThat(env.environmentEntry("djongo.client.proxyPassword").getProperty().getValue())
				.isEqualTo("******");
			assertThat(env.environmentEntry("djongo.client.host").getProperty().getValue())
				.isEqualTo("mongodb://app:******@db.invalid/");
			assertThat(env.environmentEntry("djongo.client.username").getProperty().getValue()).isEqualTo("app");
			assertThat(env.environmentEntry("djongo.name").getProperty().getValue()).isEqualTo("actuated");
			assertThat(everyValue(env)).doesNotContain(PASSWORD, PROXY_PASSWORD, URI_PASSWORD);
		});
	}

	@Test
	void configpropsShowsDjongosSecretsMasked() {
		this.contextRunner.run((context) -> {
			ConfigurationPropertiesReportEndpoint configprops = context.getBean(ConfigurationPropertiesReportEndpoint.class);
			List<ConfigurationPropertiesBeanDescriptor> beans = new ArrayList<>();
			configprops.configurationPropertiesWithPrefix("djongo")
				.getContexts()
				.values()
				.forEach((beansOfContext) -> beans.addAll(beansOfContext.getBeans().values()));
			assertThat(beans).isNotEmpty();
			String shown = beans.stream()
				.map((bean) -> bean.getProperties() + " " + bean.getInputs())
				.reduce("", String::concat);
			assertThat(shown).contains("actuated").contains("app").contains("******");
			assertThat(shown).doesNotContain(PASSWORD, PROXY_PASSWORD, URI_PASSWORD);
		});
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DjongoSanitizingFunction.class));
	}

	private static String everyValue(EnvironmentEndpoint env) {
		StringBuilder values = new StringBuilder();
		for (PropertySourceDescriptor source : env.environment(null).getPropertySources()) {
			source.getProperties().forEach((key, value) -> values.append(key).append('=').append(value.getValue()).append('\n'));
		}
		return values.toString();
	}

}
