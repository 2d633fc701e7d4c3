package io.djongo.spring.autoconfigure;

import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.djongo.spring.autoconfigure.diagnostics.FailureAnalyzersTestSupport;
import io.djongo.spring.autoconfigure.embedded.EmbeddedMongoServer;
import io.djongo.spring.autoconfigure.embedded.EmbeddedServerUnavailableException;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.PropertiesMongoConnectionDetails;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Where the connection comes from, in an application context: {@code djongo.client.*}, Spring Boot's
 * {@code spring.mongodb.*}, the embedded server, or a failure that says what to do. No server is contacted.
 */
@ExtendWith(OutputCaptureExtension.class)
class DjongoConnectionConfigurationUnitTests {

	private static final String PASSWORD = "Pw-of-spring-mongodb-7";

	private static final FilteredClassLoader WITHOUT_EMBEDDED_SERVER = new FilteredClassLoader("de.bwaldvogel.mongo");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class))
		.withPropertyValues("djongo.name=blog");

	@Test
	void contextFailsWhenNoHostAndNoEmbeddedServer() {
		this.contextRunner.withClassLoader(WITHOUT_EMBEDDED_SERVER).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MongoConnectionNotConfiguredException.class);
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("no MongoDB to connect to", "djongo.client.host",
					"spring.mongodb.uri", "not on the class path", "does not fall back");
			assertThat(analysis.getAction()).contains("host: mongodb://db.example.com:27017", "SPRING_MONGODB_URI",
					"<artifactId>djongo-spring-boot-embedded</artifactId>", "<scope>runtime</scope>",
					"de.bwaldvogel:mongo-java-server");
		});
	}

	@Test
	void contextFailsWithoutAConnectionEvenWithLazyInitialization() {
		this.contextRunner.withClassLoader(WITHOUT_EMBEDDED_SERVER)
			.withBean(LazyInitializationBeanFactoryPostProcessor.class)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MongoConnectionNotConfiguredException.class));
	}

	@Test
	void contextFailsWhenEmbeddedIsTrueButNotOnTheClassPath() {
		this.contextRunner.withClassLoader(WITHOUT_EMBEDDED_SERVER)
			.withPropertyValues("djongo.embedded.enabled=true")
			.run((context) -> {
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(EmbeddedServerUnavailableException.class);
				assertThat(analysis(context).getDescription()).contains("djongo.embedded.enabled=true",
						"de.bwaldvogel:mongo-java-server");
			});
	}

	@Test
	void misspeltHostIsReportedAsTheUnknownKeyItIsNotAsAMissingConnection() {
		this.contextRunner.withClassLoader(WITHOUT_EMBEDDED_SERVER)
			.withPropertyValues("djongo.client.hots=db.example.com")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(UnboundConfigurationPropertiesException.class));
	}

	@Test
	void usesSpringMongodbUriWhenDjongoClientIsNotSet() {
		this.contextRunner.withPropertyValues("spring.mongodb.uri=mongodb://db.example.invalid:27018/blog")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(EmbeddedMongoServer.class)
					.doesNotHaveBean(DjongoConnectionDetails.class)
					.hasSingleBean(MongoClient.class);
				assertThat(context.getBean(MongoConnectionDetails.class))
					.isInstanceOf(PropertiesMongoConnectionDetails.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
					.containsExactly("db.example.invalid:27018");
				assertThat(context.getBean(DjongoTemplate.class).getDb().getName()).isEqualTo("blog");
			});
	}

	@Test
	void usesSpringMongodbHostPortAndCredentialsAsSpringBootDoes() {
		this.contextRunner
			.withPropertyValues("spring.mongodb.host=db.example.invalid", "spring.mongodb.port=27019",
					"spring.mongodb.username=app", "spring.mongodb.password=" + PASSWORD,
					"spring.mongodb.authentication-database=admin")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedMongoServer.class);
				MongoClientSettings settings = settings(context);
				assertThat(settings.getClusterSettings().getHosts()).hasToString("[db.example.invalid:27019]");
				assertThat(settings.getCredential().getUserName()).isEqualTo("app");
				assertThat(settings.getCredential().getSource()).isEqualTo("admin");
			});
	}

	@Test
	void springMongodbUriInTheEnvironmentMeansNoEmbeddedServer() {
		this.contextRunner.withInitializer(environmentVariables(Map.of("SPRING_MONGODB_URI",
				"mongodb://db.example.invalid/blog")))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedMongoServer.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
					.containsExactly("db.example.invalid");
			});
	}

	@Test
	void logsOnceWhereTheConnectionComesFromWithoutThePassword(CapturedOutput output) {
		this.contextRunner.withInitializer(environmentVariables(Map.of("SPRING_MONGODB_URI",
				"mongodb://app:" + PASSWORD + "@db.example.invalid:27017/blog?authSource=admin")))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Matcher lines = Pattern.compile("(?m)^.*djongo connects to .*$").matcher(output.getOut());
				assertThat(lines.find()).isTrue();
				assertThat(lines.group()).contains("INFO")
					.contains("djongo connects to mongodb://app:****@db.example.invalid:27017/blog?authSource=admin,"
							+ " configured by spring.mongodb.uri (System Environment Property \"SPRING_MONGODB_URI\");"
							+ " authentication database 'admin'");
				assertThat(lines.find()).as("a second line").isFalse();
			});
		assertThat(output).doesNotContain(PASSWORD);
	}

	@Test
	void logsThatTheConnectionComesFromDjongoClient(CapturedOutput output) {
		this.contextRunner.withPropertyValues("djongo.client.host=db.example.invalid")
			.run((context) -> assertThat(output)
				.contains("djongo connects to mongodb://db.example.invalid/blog, configured by djongo.client.*"));
	}

	@Test
	void contextFailsWhenDjongoClientAndSpringMongodbAreBothSet() {
		this.contextRunner.withPropertyValues("djongo.client.host=db.example.invalid")
			.withInitializer(environmentVariables(Map.of("SPRING_MONGODB_URI", "mongodb://other.invalid/blog")))
			.run((context) -> {
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(ConflictingMongoPropertiesException.class);
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("both djongo.client.* and Spring Boot's spring.mongodb.*")
					.contains("djongo.client.host (property source 'test')")
					.contains("spring.mongodb.uri (System Environment Property \"SPRING_MONGODB_URI\")")
					.doesNotContain("other.invalid");
				assertThat(analysis.getAction()).contains("Keep one of them");
			});
	}

	@Test
	void contextFailsWhenSpringMongodbUriNamesAnotherDatabase() {
		this.contextRunner.withPropertyValues("spring.mongodb.uri=mongodb://db.example.invalid/prod")
			.run((context) -> {
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(ConflictingMongoPropertiesException.class);
				assertThat(analysis(context).getDescription()).contains("djongo.name (property source 'test'): 'blog'")
					.contains("spring.mongodb.uri (property source 'test'): 'prod'");
			});
	}

	@Test
	void contextFailsWhenARemovedSpringDataMongodbKeyIsSet() {
		this.contextRunner.withPropertyValues("spring.data.mongodb.uri=mongodb://db.example.invalid/blog")
			.run((context) -> {
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(UnsupportedMongoPropertiesException.class);
				assertThat(analysis(context).getDescription()).contains("Spring Boot 4 no longer reads")
					.contains("spring.data.mongodb.uri (property source 'test')\n        now spring.mongodb.uri");
			});
	}

	@Test
	void aServiceConnectionWinsOverEveryKeyAsInSpringBoot() {
		this.contextRunner.withClassLoader(WITHOUT_EMBEDDED_SERVER)
			.withBean("serviceConnection", MongoConnectionDetails.class,
					() -> () -> new com.mongodb.ConnectionString("mongodb://service.invalid/test"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MongoConnectionDetails.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
					.containsExactly("service.invalid");
			});
	}

	@Test
	void aServiceConnectionOverDjongoClientKeysSaysOnceThatTheKeysAreNotUsed(CapturedOutput output) {
		this.contextRunner.withClassLoader(WITHOUT_EMBEDDED_SERVER)
			.withPropertyValues("djongo.client.host=db.example.invalid", "djongo.client.password=" + PASSWORD)
			.withBean("serviceConnection", MongoConnectionDetails.class, ServiceConnectionDetails::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Matcher lines = Pattern.compile("(?m)^.*are not used.*$").matcher(output.getOut());
				assertThat(lines.find()).isTrue();
				assertThat(lines.group()).contains("INFO")
					.contains("djongo connects as " + ServiceConnectionDetails.class.getName()
							+ " says (a service connection, or the application's own MongoConnectionDetails), so these"
							+ " djongo.client.* keys are not used: djongo.client.host (property source 'test'),"
							+ " djongo.client.password (property source 'test')");
				assertThat(lines.find()).as("a second line").isFalse();
			});
		assertThat(output).doesNotContain(PASSWORD).doesNotContain("djongo connects to mongodb://db.example.invalid");
	}

	@Test
	void djongoClientKeysInUseAreNotReportedAsUnused(CapturedOutput output) {
		this.contextRunner.withClassLoader(WITHOUT_EMBEDDED_SERVER)
			.withPropertyValues("djongo.client.host=db.example.invalid")
			.run((context) -> assertThat(output).contains("configured by djongo.client.*").doesNotContain("not used"));
		this.contextRunner.withClassLoader(WITHOUT_EMBEDDED_SERVER)
			.withBean("serviceConnection", MongoConnectionDetails.class, ServiceConnectionDetails::new)
			.run((context) -> assertThat(output).doesNotContain("not used"));
	}

	/** What a Testcontainers or Docker Compose service connection publishes. */
	static final class ServiceConnectionDetails implements MongoConnectionDetails {

		@Override
		public com.mongodb.ConnectionString getConnectionString() {
			return new com.mongodb.ConnectionString("mongodb://service.invalid/test");
		}

	}

	@Test
	void anApplicationsOwnMongoClientNeedsNoConnectionKeys() {
		this.contextRunner.withClassLoader(WITHOUT_EMBEDDED_SERVER)
			.withBean(MongoClient.class, () -> MongoClients.create("mongodb://own.invalid"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MongoClient.class)
				.doesNotHaveBean(EmbeddedMongoServer.class));
	}

	@Test
	void theFailureAnalysisIsPrintedAtStartUp(CapturedOutput output) {
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(WITHOUT_EMBEDDED_SERVER),
				Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		Properties defaults = new Properties();
		defaults.setProperty("djongo.name", "blog");
		application.setDefaultProperties(defaults);
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("there is no MongoDB to connect to")
			.contains("djongo-spring-boot-embedded");
	}

	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		FailureAnalysis analysis = FailureAnalyzersTestSupport.analyzeConnection(context.getStartupFailure());
		assertThat(analysis).as("failure analysis").isNotNull();
		return analysis;
	}

	private static MongoClientSettings settings(AssertableApplicationContext context) {
		MongoClientSettings.Builder builder = MongoClientSettings.builder();
		context.getBeanProvider(MongoClientSettingsBuilderCustomizer.class)
			.orderedStream()
			.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/** Sets environment variables as Spring Boot sees them: with their origin. */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> environmentVariables(
			Map<String, Object> variables) {
		return (context) -> {
			context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								variables));
			new SystemEnvironmentPropertySourceEnvironmentPostProcessor()
				.postProcessEnvironment(context.getEnvironment(), new SpringApplication());
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DjongoAutoConfiguration.class, DjongoDatabaseFactoryAutoConfiguration.class,
			MongoAutoConfiguration.class, DataMongoAutoConfiguration.class })
	static class Application {

	}

}
