package io.djongo.spring.test.autoconfigure.library;

import java.util.List;
import java.util.Map;

import com.mongodb.ConnectionString;
import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import io.djongo.spring.autoconfigure.embedded.EmbeddedMongoServer;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.lifecycle.DockerComposeTestEvents;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection details Spring Boot publishes for a service (Docker Compose's {@code mongo} service, a Testcontainers
 * {@code @ServiceConnection}, the application's own bean) give djongo its connection: djongo's own connection details
 * and its embedded server back off, and the models' database is still {@code djongo.name}. No Docker: the "service"
 * is a MongoDB-wire server of the test's own, and for Docker Compose Spring Boot's own listener and
 * {@code MongoDockerComposeConnectionDetailsFactory} get the event Spring Boot publishes once
 * {@code docker compose up} is done.
 */
class ServiceConnectionsIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, DataMongoAutoConfiguration.class))
		.withPropertyValues("djongo.name=library_services");

	@Test
	void aDockerComposeMongoServiceGivesDjongoItsConnection() {
		this.runner.withInitializer((context) -> composeUp(context, mongoService()))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MongoConnectionDetails.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getClass().getName())
					.contains("MongoDockerComposeConnectionDetails");
				assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class);
				writeAGenre(context.getBean(DjongoTemplate.class));
				assertThat(OtherServer.count("library_services", "library_genre")).isEqualTo(1);
			});
	}

	@Test
	void theApplicationsOwnConnectionDetailsWinOverDjongoClient() {
		ConnectionString other = new ConnectionString(OtherServer.uri() + "/elsewhere");
		this.runner.withPropertyValues("djongo.client.host=mongodb://db.invalid:27017")
			.withBean("serviceConnection", MongoConnectionDetails.class, () -> () -> other)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MongoConnectionDetails.class)
					.doesNotHaveBean(EmbeddedMongoServer.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString()).isSameAs(other);
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				assertThat(template.getDb().getName()).as("djongo.name, not the service's database")
					.isEqualTo("library_services");
				template.getDb().getCollection("library_own").insertOne(new Document("_id", 1));
				assertThat(OtherServer.count("library_services", "library_own")).isEqualTo(1);
			});
	}

	@Test
	void theApplicationsOwnConnectionDetailsKeepTheEmbeddedServerFromStarting() {
		ConnectionString other = new ConnectionString(OtherServer.uri());
		this.runner.withPropertyValues("djongo.embedded.enabled=true")
			.withBean("serviceConnection", MongoConnectionDetails.class, () -> () -> other)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedMongoServer.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString()).isSameAs(other);
			});
	}

	private static void writeAGenre(DjongoTemplate template) {
		Genre genre = new Genre("composed");
		template.save(genre);
		assertThat(genre.getId()).isNotNull();
	}

	/** What Spring Boot's DockerComposeLifecycleManager does once the services run: the event, to the listeners. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void composeUp(ConfigurableApplicationContext context,
			RunningService service) {
		SimpleApplicationEventMulticaster multicaster = new SimpleApplicationEventMulticaster();
		for (ApplicationListener listener : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ApplicationListener.class)) {
			if (listener.getClass().getName().startsWith("org.springframework.boot.docker.compose.service")) {
				multicaster.addApplicationListener(listener);
			}
		}
		multicaster.multicastEvent(DockerComposeTestEvents.servicesReady(context, List.of(service)));
	}

	private static RunningService mongoService() {
		int port = OtherServer.port();
		return new RunningService() {

			@Override
			public String name() {
				return "mongo";
			}

			@Override
			public ImageReference image() {
				return ImageReference.of("mongo:8.0");
			}

			@Override
			public String host() {
				return "127.0.0.1";
			}

			@Override
			public ConnectionPorts ports() {
				return new ConnectionPorts() {

					@Override
					public int get(int containerPort) {
						return port;
					}

					@Override
					public List<Integer> getAll() {
						return List.of(port);
					}

					@Override
					public List<Integer> getAll(@Nullable String protocol) {
						return List.of(port);
					}

				};
			}

			@Override
			public Map<String, @Nullable String> env() {
				return Map.of();
			}

			@Override
			public Map<String, String> labels() {
				return Map.of();
			}

		};
	}

}
