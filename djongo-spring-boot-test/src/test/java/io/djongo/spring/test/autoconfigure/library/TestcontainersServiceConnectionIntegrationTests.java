package io.djongo.spring.test.autoconfigure.library;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.djongo.spring.autoconfigure.embedded.EmbeddedMongoServer;
import io.djongo.spring.test.DockerEnvironment;
import io.djongo.spring.test.autoconfigure.DjongoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Testcontainers MongoDB annotated {@code @ServiceConnection} gives djongo its connection: Spring Boot publishes its
 * connection details, djongo's own and the embedded server back off, and the models land in {@code djongo.name} on
 * the container. Skipped, without Testcontainers' probe, where no Docker engine is in sight.
 */
@DjongoTest
@Testcontainers
@EnabledIf(value = "dockerAvailable", disabledReason = "needs a Docker engine for Testcontainers")
class TestcontainersServiceConnectionIntegrationTests {

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@Autowired
	private GenreRepository genres;

	@Autowired
	private ApplicationContext context;

	static boolean dockerAvailable() {
		if (!DockerEnvironment.current().mayBeReachable()) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Test
	void modelsLandInTheContainer() {
		this.genres.save(new Genre("contained"));
		assertThat(this.context.getBeanNamesForType(EmbeddedMongoServer.class)).isEmpty();
		try (MongoClient client = MongoClients.create(mongo.getConnectionString())) {
			assertThat(client.getDatabase("library").getCollection("library_genre").countDocuments()).isEqualTo(1);
		}
	}

}
