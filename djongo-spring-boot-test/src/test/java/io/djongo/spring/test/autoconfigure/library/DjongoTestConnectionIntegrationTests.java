package io.djongo.spring.test.autoconfigure.library;

import io.djongo.spring.autoconfigure.embedded.EmbeddedMongoServer;
import io.djongo.spring.test.autoconfigure.DjongoTest;
import io.djongo.spring.test.autoconfigure.DjongoTest.Connection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where {@code @DjongoTest} connects when the application's configuration names a MongoDB
 * ({@code djongo.client.host}, set here as application.yml would): the embedded server by default, so that a test
 * never empties the configured database; that database with {@code connection = CONFIGURED}.
 */
class DjongoTestConnectionIntegrationTests {

	static void configuredHost(DynamicPropertyRegistry registry) {
		registry.add("djongo.client.host", OtherServer::uri);
	}

	@Nested
	@DjongoTest(properties = "djongo.name=library_connection_default")
	class ByDefault {

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			configuredHost(registry);
		}

		@Autowired
		private GenreRepository genres;

		@Autowired
		private ApplicationContext context;

		@Test
		void runsOnTheEmbeddedServerAndLeavesTheConfiguredOneAlone() {
			this.genres.save(new Genre("embedded"));
			assertThat(this.context.getBeanNamesForType(EmbeddedMongoServer.class)).hasSize(1);
			assertThat(OtherServer.count("library_connection_default", "library_genre")).isZero();
		}

	}

	@Nested
	@DjongoTest(connection = Connection.CONFIGURED, properties = "djongo.name=library_connection_configured")
	class Configured {

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			configuredHost(registry);
		}

		@Autowired
		private GenreRepository genres;

		@Autowired
		private ApplicationContext context;

		@Test
		void runsOnTheConfiguredServer() {
			this.genres.save(new Genre("configured"));
			assertThat(this.context.getBeanNamesForType(EmbeddedMongoServer.class)).isEmpty();
			assertThat(OtherServer.count("library_connection_configured", "library_genre")).isEqualTo(1);
		}

	}

}
