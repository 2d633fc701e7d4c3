package io.djongo.spring.autoconfigure.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server's threads and its optional file ({@code djongo.embedded.path}, mongo-java-server's H2 backend).
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedMongoServerIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class))
		.withPropertyValues("djongo.name=embedded");

	@Test
	void serverThreadsAreDaemonThreads() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		this.contextRunner.run((context) -> {
			// a command: the boss thread has accepted a connection, so the worker thread runs too
			assertThat(context.getBean(DjongoTemplate.class).command(new Document("ping", 1)).get("ok")).isIn(1, 1.0);
			List<Thread> serverThreads = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> !before.contains(thread) && thread.getName().startsWith("mongo-server-"))
				.toList();
			assertThat(serverThreads).extracting(Thread::getName)
				.anyMatch((name) -> name.startsWith("mongo-server-boss"))
				.anyMatch((name) -> name.startsWith("mongo-server-worker"));
			assertThat(serverThreads).allSatisfy((thread) -> assertThat(thread.isDaemon())
				.as("daemon flag of %s", thread.getName())
				.isTrue());
		});
	}

	@Test
	void keepsDataAcrossRestartsInTheFileOfPath(@TempDir Path directory) {
		Path file = directory.resolve("data").resolve("embedded.mv");
		ApplicationContextRunner persistent = this.contextRunner.withPropertyValues("djongo.embedded.path=" + file);
		persistent.run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(DjongoTemplate.class).mongo("notes").insertOne(new Document("_id", 1).append("text", "kept"));
		});
		assertThat(file).isRegularFile();
		persistent.run((context) -> assertThat(context.getBean(DjongoTemplate.class).mongo("notes").find().into(
				new java.util.ArrayList<>())).containsExactly(new Document("_id", 1).append("text", "kept")));
	}

	@Test
	void withoutPathDataIsGoneAfterARestart() {
		this.contextRunner.run((context) -> context.getBean(DjongoTemplate.class)
			.mongo("notes")
			.insertOne(new Document("_id", 1)));
		this.contextRunner.run(
				(context) -> assertThat(context.getBean(DjongoTemplate.class).mongo("notes").countDocuments()).isZero());
	}

	@Test
	void warnsWhereTheDataIsKept(@TempDir Path directory, CapturedOutput output) {
		Path file = directory.resolve("blog.mv");
		this.contextRunner.withPropertyValues("djongo.embedded.path=" + file)
			.run((context) -> assertThat(output).contains("data is kept in " + file.toAbsolutePath() + " (H2 backend)")
				.doesNotContain("in memory only"));
	}

	@Test
	void contextFailsWhenPathIsSetWithoutTheH2Backend(@TempDir Path directory) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("de.bwaldvogel.mongo.backend.h2"))
			.withPropertyValues("djongo.embedded.path=" + directory.resolve("blog.mv"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(EmbeddedServerUnavailableException.class)
					.hasMessageContaining("djongo.embedded.path needs de.bwaldvogel:mongo-java-server-h2-backend");
			});
		assertThat(directory.resolve("blog.mv")).doesNotExist();
	}

	@Test
	void contextFailsWhenPathIsADirectory(@TempDir Path directory) throws IOException {
		Path data = Files.createDirectories(directory.resolve("data"));
		this.contextRunner.withPropertyValues("djongo.embedded.path=" + data).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("djongo.embedded.path is the directory " + data.toAbsolutePath())
				.hasMessageContaining("it must name a file");
		});
	}

	@Test
	void contextFailsWhenTheFileIsInUse(@TempDir Path directory) {
		ApplicationContextRunner persistent = this.contextRunner
			.withPropertyValues("djongo.embedded.path=" + directory.resolve("blog.mv"));
		persistent.run((first) -> persistent.run((second) -> {
			assertThat(second).hasFailed();
			// another process gets H2's "The file is locked"; another context of this JVM the JDK's exception
			assertThat(second.getStartupFailure()).hasStackTraceContaining("djongo.embedded.path: the embedded server"
					+ " cannot open " + directory.resolve("blog.mv").toAbsolutePath() + " (is another application using it?)");
		}));
	}

}
