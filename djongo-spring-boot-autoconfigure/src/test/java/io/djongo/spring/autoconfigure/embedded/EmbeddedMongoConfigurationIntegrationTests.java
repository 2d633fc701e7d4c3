package io.djongo.spring.autoconfigure.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import io.djongo.spring.autoconfigure.MongoConnectionNotConfiguredException;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedMongoConfigurationIntegrationTests {

	private static final String WARNING = "djongo started an embedded MongoDB-wire server";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class))
		.withPropertyValues("djongo.name=embedded");

	@Test
	void autoStartsTheServerWhenNoHostIsSet() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(EmbeddedMongoServer.class)
			.hasSingleBean(MongoClient.class));
	}

	@Test
	void autoDoesNotStartTheServerWhenAHostIsSet() {
		this.contextRunner.withPropertyValues("djongo.client.host=db.invalid")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class)
				.hasSingleBean(MongoClient.class));
	}

	@Test
	void trueStartsTheServerEvenWhenAHostIsSet() {
		this.contextRunner.withPropertyValues("djongo.client.host=db.invalid", "djongo.embedded.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(EmbeddedMongoServer.class).hasSingleBean(MongoClient.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
					.containsExactly(context.getBean(EmbeddedMongoServer.class).address());
			});
	}

	@Test
	void falseNeverStartsTheServer() {
		this.contextRunner.withPropertyValues("djongo.embedded.enabled=false", "djongo.client.host=db.invalid")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class).hasSingleBean(MongoClient.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
					.containsExactly("db.invalid");
			});
	}

	@Test
	void contextFailsWhenFalseAndNoConnectionIsConfigured() {
		this.contextRunner.withPropertyValues("djongo.embedded.enabled=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MongoConnectionNotConfiguredException.class)
				.hasMessageContaining("djongo.embedded.enabled is false");
		});
	}

	@Test
	void autoDoesNotStartTheServerWhenSpringMongodbUriIsSet() {
		this.contextRunner.withPropertyValues("spring.mongodb.uri=mongodb://db.invalid/embedded")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class)
				.hasSingleBean(MongoClient.class));
	}

	@Test
	void trueWarnsThatTheConfiguredConnectionIsNotUsed(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("djongo.embedded.enabled=true", "spring.mongodb.uri=mongodb://db.invalid/embedded")
			.run((context) -> {
				assertThat(context).hasSingleBean(EmbeddedMongoServer.class);
				assertThat(output).contains("djongo connects to the embedded server (djongo.embedded.enabled is true),"
						+ " so these keys are not used: spring.mongodb.uri");
			});
	}

	@Test
	void aServiceConnectionKeepsTheServerFromStartingAndTheKeysAreNamedAsUnusedByIt(CapturedOutput output) {
		this.contextRunner.withPropertyValues("djongo.embedded.enabled=true", "djongo.client.host=db.invalid")
			.withBean("serviceConnection", MongoConnectionDetails.class,
					() -> () -> new ConnectionString("mongodb://service.invalid/test"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedMongoServer.class);
				assertThat(output).doesNotContain("djongo connects to the embedded server")
					.contains("(a service connection, or the application's own MongoConnectionDetails), so these"
							+ " djongo.client.* keys are not used: djongo.client.host");
			});
	}

	@Test
	void enabledIsCaseInsensitive() {
		this.contextRunner.withPropertyValues("djongo.client.host=db.invalid", "djongo.embedded.enabled=TRUE")
			.run((context) -> assertThat(context).hasSingleBean(EmbeddedMongoServer.class));
	}

	@Test
	void listensOnARandomFreePortByDefault() {
		this.contextRunner.run((context) -> {
			EmbeddedMongoServer server = context.getBean(EmbeddedMongoServer.class);
			assertThat(server.port()).isPositive();
			assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
			assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString())
				.isEqualTo("mongodb://127.0.0.1:" + server.port() + "/embedded");
		});
	}

	@Test
	void listensOnTheConfiguredPort() throws IOException {
		int port = freePort();
		this.contextRunner.withPropertyValues("djongo.embedded.port=" + port).run((context) -> {
			assertThat(context.getBean(EmbeddedMongoServer.class).port()).isEqualTo(port);
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			assertThat(template.command(new Document("ping", 1)).get("ok")).isIn(1, 1.0);
		});
	}

	@Test
	void stopsWhenTheContextClosesAndFreesItsPort() {
		int[] port = new int[1];
		this.contextRunner.run((context) -> {
			port[0] = context.getBean(EmbeddedMongoServer.class).port();
			assertThat(isFree(port[0])).isFalse();
		});
		assertThat(isFree(port[0])).as("port %d after the context closed", port[0]).isTrue();
	}

	@Test
	void logsOneWarningWithItsAddressAndThatDataIsInMemoryOnly(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			String address = context.getBean(EmbeddedMongoServer.class).address();
			Matcher warnings = Pattern.compile("(?m)^.*" + WARNING + ".*$").matcher(output.getOut() + output.getErr());
			int count = 0;
			String line = "";
			while (warnings.find()) {
				count++;
				line = warnings.group();
			}
			assertThat(count).isEqualTo(1);
			assertThat(line).contains("WARN").contains(address).contains("in memory only");
		});
	}

	@Test
	void doesNotWarnWhenNotStarted(CapturedOutput output) {
		this.contextRunner.withPropertyValues("djongo.embedded.enabled=false", "djongo.client.host=db.invalid")
			.run((context) -> assertThat(output).doesNotContain(WARNING));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.isBound();
		}
		catch (IOException ex) {
			return false;
		}
	}

}
