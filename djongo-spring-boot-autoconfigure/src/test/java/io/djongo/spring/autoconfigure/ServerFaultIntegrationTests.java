package io.djongo.spring.autoconfigure;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.annotation.Id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The server goes away under a running application: the next call fails with a clear exception once
 * {@code djongo.client.server-selection-timeout-ms} has passed, not after the driver's default 30 s; when the server
 * is back on the same port, the next call succeeds with the same application context. The server is this test's own,
 * not the shared test server.
 */
class ServerFaultIntegrationTests {

	private static final int SELECTION_TIMEOUT_MS = 1500;

	private MongoServer server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class));

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.shutdownNow();
		}
	}

	@Test
	void aStoppedServerFailsTheNextCallClearlyAndARestartedOneServesTheSameApplication() throws Exception {
		this.server = start(0);
		int port = this.server.getLocalAddress().getPort();
		this.contextRunner
			.withPropertyValues("djongo.name=faults", "djongo.client.host=127.0.0.1:" + port,
					"djongo.client.server-selection-timeout-ms=" + SELECTION_TIMEOUT_MS,
					"djongo.client.connect-timeout-ms=1000")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				template.save(new Gadget("before"));
				assertThat(template.objects(Gadget.class).count()).isEqualTo(1);

				this.server.shutdownNow();
				// the broken pooled connection: djongo's message names the server
				Throwable failure = catchThrowable(() -> template.objects(Gadget.class).count());
				assertThat(failure).isInstanceOf(DataAccessResourceFailureException.class);
				assertThat(messages(failure)).contains("127.0.0.1:" + port);
				// no server to select: the call gives up after the configured selection time, not the driver's 30 s
				Throwable unavailable = catchThrowable(() -> template.objects(Gadget.class).filter("name", "x").list());
				assertThat(unavailable).isInstanceOf(DataAccessResourceFailureException.class);
				assertThat(messages(unavailable)).contains("Timed out while waiting for a server")
					.contains("127.0.0.1:" + port)
					.contains("Connection refused");
				// the wait is the client's, as configured (timings are not asserted in tests)
				assertThat(context.getBean(MongoClient.class).getClusterDescription().getClusterSettings()
					.getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(SELECTION_TIMEOUT_MS);

				this.server = start(port);
				template.save(new Gadget("after"));
				assertThat(template.objects(Gadget.class).filter("name", "after").count()).isEqualTo(1);
				assertThat(template.command(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
			});
	}

	private static MongoServer start(int port) throws InterruptedException {
		for (int attempt = 0;; attempt++) {
			MongoServer server = new MongoServer(new MemoryBackend());
			try {
				server.bind(new InetSocketAddress("127.0.0.1", port), 1, 1);
				return server;
			}
			catch (RuntimeException ex) {
				server.shutdownNow();
				// the port may linger for a moment after the old server closed it
				if (attempt > 50 || !(ex.getCause() instanceof BindException)) {
					throw ex;
				}
				Thread.sleep(100);
			}
		}
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@org.springframework.data.mongodb.core.mapping.Document("fault_gadget")
	static class Gadget {

		@Id
		Long id;

		String name;

		Gadget(String name) {
			this.name = name;
		}

	}

}
