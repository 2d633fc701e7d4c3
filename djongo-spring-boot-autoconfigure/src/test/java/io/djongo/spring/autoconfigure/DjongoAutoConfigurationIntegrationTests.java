package io.djongo.spring.autoconfigure;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.djongo.spring.autoconfigure.embedded.EmbeddedMongoServer;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.logging.CommandLogger;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import static org.assertj.core.api.Assertions.assertThat;

class DjongoAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class));

	@Test
	void theMappingContextKnowsDjongoRelationsAndBacksOff() {
		this.contextRunner.withPropertyValues("djongo.name=mapping").run((context) -> {
			assertThat(context).hasSingleBean(org.springframework.data.mongodb.core.mapping.MongoMappingContext.class);
			assertThat(context.getBean(org.springframework.data.mongodb.core.mapping.MongoMappingContext.class))
				.isInstanceOf(io.djongo.spring.core.model.DjongoMappingContext.class);
			assertThat(context.getBean(DjongoTemplate.class).getConverter().getMappingContext())
				.isSameAs(context.getBean(org.springframework.data.mongodb.core.mapping.MongoMappingContext.class));
		});
		this.contextRunner.withPropertyValues("djongo.name=mapping")
			.withBean("userMappingContext", org.springframework.data.mongodb.core.mapping.MongoMappingContext.class,
					org.springframework.data.mongodb.core.mapping.MongoMappingContext::new)
			.run((context) -> assertThat(context.getBean(org.springframework.data.mongodb.core.mapping.MongoMappingContext.class))
				.isNotInstanceOf(io.djongo.spring.core.model.DjongoMappingContext.class));
	}

	@Test
	void startsTheEmbeddedServerWhenNoHostIsSet() {
		this.contextRunner.withPropertyValues("djongo.name=autoconf").run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedMongoServer.class)
				.hasSingleBean(MongoClient.class)
				.doesNotHaveBean(DjongoConnectionDetails.class);
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			assertThat(template.getDb().getName()).isEqualTo("autoconf");
			assertThat(template.command(new Document("ping", 1)).get("ok")).isIn(1, 1.0);
			assertThat(context.getBean(MongoTemplate.class)).isSameAs(template);
		});
	}

	@Test
	void connectsToTheConfiguredHostWithoutEmbeddedServer() {
		String database = TestMongo.uniqueDatabaseName("remote");
		this.contextRunner.withPropertyValues("djongo.name=" + database, "djongo.client.host=" + TestMongo.uri())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class)
					.hasSingleBean(MongoClient.class)
					.hasSingleBean(DjongoConnectionDetails.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getDatabase())
					.isEqualTo(database);
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				template.mongo("probe").insertOne(new Document("x", 1));
				assertThat(template.mongo("probe").countDocuments()).isEqualTo(1);
				template.getDb().drop();
			});
	}

	@Test
	void clientOptionsReachTheClient() {
		this.contextRunner
			.withPropertyValues("djongo.name=x", "djongo.client.host=" + TestMongo.uri(),
					"djongo.client.app-name=djongo-autoconf", "djongo.client.max-pool-size=3")
			.run((context) -> {
				ConnectionString connectionString = context.getBean(MongoConnectionDetails.class).getConnectionString();
				assertThat(connectionString.getApplicationName()).isEqualTo("djongo-autoconf");
				assertThat(connectionString.getMaxConnectionPoolSize()).isEqualTo(3);
			});
	}

	@Test
	void credentialsAndSslBundleReachTheClientSettings() {
		DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();
		bundles.registerBundle("mongo", SslBundle.systemDefault());
		this.contextRunner.withBean(SslBundles.class, () -> bundles)
			.withPropertyValues("djongo.name=x", "djongo.client.host=db.example.com", "djongo.client.username=app",
					"djongo.client.password=pw", "djongo.client.ssl-bundle=mongo")
			.run((context) -> {
				MongoClientSettings settings = settings(context);
				assertThat(settings.getCredential().getUserName()).isEqualTo("app");
				assertThat(settings.getCredential().getSource()).isEqualTo("admin");
				assertThat(settings.getSslSettings().isEnabled()).isTrue();
				assertThat(settings.getSslSettings().getContext()).isNotNull();
				assertThat(settings.getUuidRepresentation()).isEqualTo(UuidRepresentation.STANDARD);
				assertThat(settings.getCommandListeners()).hasAtLeastOneElementOfType(CommandLogger.class);
			});
	}

	@Test
	void credentialsAreNotAppliedToOtherConnectionDetails() {
		this.contextRunner
			.withPropertyValues("djongo.name=x", "djongo.client.username=app", "djongo.client.password=pw")
			.run((context) -> {
				assertThat(context).hasSingleBean(EmbeddedMongoServer.class);
				assertThat(settings(context).getCredential()).isNull();
			});
	}

	@Test
	void bindsEnforceSchema() {
		this.contextRunner.withPropertyValues("djongo.name=x", "djongo.enforce-schema=true")
			.run((context) -> assertThat(context.getBean(DjongoProperties.class).isEnforceSchema()).isTrue());
		this.contextRunner.withPropertyValues("djongo.name=x")
			.run((context) -> assertThat(context.getBean(DjongoProperties.class).isEnforceSchema()).isFalse());
	}

	@Test
	void backsOffWhenTheUserDefinesMongoOperations() {
		this.contextRunner.withPropertyValues("djongo.name=x")
			.withBean("userTemplate", MongoTemplate.class,
					() -> new MongoTemplate(new SimpleMongoClientDatabaseFactory(TestUris.withDatabase("x"))))
			.run((context) -> {
				assertThat(context).hasSingleBean(MongoOperations.class).doesNotHaveBean(DjongoTemplate.class);
				assertThat(context.getBean(MongoOperations.class)).isSameAs(context.getBean("userTemplate"));
			});
	}

	@Test
	void backsOffWhenTheUserDefinesADjongoTemplate() {
		this.contextRunner.withPropertyValues("djongo.name=x")
			.withUserConfiguration(UserTemplateConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(DjongoTemplate.class);
				assertThat(context.getBean(DjongoTemplate.class).getDb().getName()).isEqualTo("user");
			});
	}

	@Test
	void backsOffWhenTheUserDefinesAMongoClient() {
		this.contextRunner.withPropertyValues("djongo.name=models")
			.withBean("userClient", MongoClient.class, () -> MongoClients.create(TestMongo.connectionString()))
			.run((context) -> {
				assertThat(context).hasSingleBean(MongoClient.class).doesNotHaveBean(EmbeddedMongoServer.class);
				assertThat(context.getBean(MongoClient.class)).isSameAs(context.getBean("userClient"));
				assertThat(context.getBean(DjongoTemplate.class).getDb().getName()).isEqualTo("models");
			});
	}

	@Test
	void backsOffWhenTheUserPublishesConnectionDetails() {
		// what a Testcontainers @ServiceConnection publishes: a connection string naming the database "test"
		ConnectionString serviceConnection = new ConnectionString("mongodb://"
				+ String.join(",", TestMongo.connectionString().getHosts()) + "/test");
		this.contextRunner.withPropertyValues("djongo.name=models")
			.withBean(MongoConnectionDetails.class, () -> () -> serviceConnection)
			.run((context) -> {
				assertThat(context).hasSingleBean(MongoConnectionDetails.class)
					.doesNotHaveBean(DjongoConnectionDetails.class)
					.doesNotHaveBean(EmbeddedMongoServer.class)
					.hasSingleBean(MongoClient.class);
				assertThat(context.getBean(MongoDatabaseFactory.class).getMongoDatabase().getName())
					.as("djongo.name wins over the database of the connection details")
					.isEqualTo("models");
			});
	}

	@Test
	void backsOffWhenTheUserDefinesAMongoDatabaseFactory() {
		this.contextRunner.withPropertyValues("djongo.name=x")
			.withBean("userFactory", MongoDatabaseFactory.class,
					() -> new SimpleMongoClientDatabaseFactory(TestUris.withDatabase("userdb")))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class).doesNotHaveBean(MongoClient.class);
				assertThat(context.getBean(DjongoTemplate.class).getDb().getName()).isEqualTo("userdb");
			});
	}

	@Test
	void contextFailsWhenNameIsEmpty() {
		this.contextRunner.withPropertyValues("djongo.name=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingDatabaseNameException.class);
		});
	}

	@Test
	void contextFailsWhenNameIsMissing() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingDatabaseNameException.class);
		});
	}

	@Test
	void contextFailsWhenAClientOptionIsUnknown() {
		this.contextRunner.withPropertyValues("djongo.name=x", "djongo.client.max-pool=5").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("djongo.client.max-pool");
		});
	}

	@Test
	void unrelatedDjongoSystemPropertiesAreNotUnknownKeys() {
		// the environment holds DJONGO_TEST_MONGODB_URI and the like: environment and system properties are not checked
		this.contextRunner.withSystemProperties("djongo.test.unrelated=1")
			.withPropertyValues("djongo.name=x")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void invalidCombinationOfOptionsFailsNamingTheOption() {
		this.contextRunner
			.withPropertyValues("djongo.name=x", "djongo.client.host=a.example.com,b.example.com",
					"djongo.client.direct-connection=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("Direct connections are not supported when using multiple hosts");
			});
	}

	/** The settings Spring Boot builds the client from: its base settings and every customizer, in order. */
	private static MongoClientSettings settings(AssertableApplicationContext context) {
		MongoClientSettings.Builder builder = MongoClientSettings.builder(context.getBean(MongoClientSettings.class));
		context.getBeanProvider(MongoClientSettingsBuilderCustomizer.class)
			.orderedStream()
			.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class UserTemplateConfiguration {

		@org.springframework.context.annotation.Bean
		DjongoTemplate userTemplate(MongoConverter converter) {
			return new DjongoTemplate(new SimpleMongoClientDatabaseFactory(TestUris.withDatabase("user")), converter);
		}

	}

}
