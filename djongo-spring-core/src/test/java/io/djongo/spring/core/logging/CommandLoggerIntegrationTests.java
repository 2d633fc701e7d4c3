package io.djongo.spring.core.logging;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The command log of a real client: one DEBUG line per command, nothing above DEBUG.
 */
class CommandLoggerIntegrationTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger(CommandLogger.LOGGER_NAME);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	void attach() {
		this.previousLevel = this.logger.getLevel();
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void detach() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.previousLevel);
	}

	@Test
	void logsEachCommandOnceWithDatabaseShapeOutcomeAndDuration() {
		this.logger.setLevel(Level.DEBUG);
		String database = TestMongo.uniqueDatabaseName("commandlog");
		try (MongoClient client = client(false)) {
			MongoDatabase db = client.getDatabase(database);
			db.getCollection("posts").insertOne(new Document("title", "hidden value"));
			db.getCollection("posts").find(new Document("title", "hidden value")).first();
			assertThatExceptionOfType(MongoCommandException.class)
				.isThrownBy(() -> db.runCommand(new Document("noSuchCommand", 1)));
			db.drop();
		}
		List<String> lines = lines();
		assertThat(lines).filteredOn((line) -> line.startsWith(database + ": {insert: \"posts\""))
			.singleElement()
			.satisfies((line) -> assertThat(line).matches(".*documents: \\[\\{_id: \\?, title: \\?}]} -> ok in \\d+\\.\\d\\d ms"));
		assertThat(lines).anyMatch((line) -> line.startsWith(database + ": {find: \"posts\", filter: {title: ?}"));
		assertThat(lines).anyMatch((line) -> line.matches(
				database + ": \\{noSuchCommand: 1} -> failed in \\d+\\.\\d\\d ms: error 59 \\(CommandNotFound\\)"));
		assertThat(lines).noneMatch((line) -> line.contains("hidden value"));
		assertThat(this.appender.list).allMatch((event) -> event.getLevel() == Level.DEBUG);
	}

	@Test
	void logsValuesWhenAskedFor() {
		this.logger.setLevel(Level.DEBUG);
		String database = TestMongo.uniqueDatabaseName("commandlog");
		try (MongoClient client = client(true)) {
			client.getDatabase(database).getCollection("posts").insertOne(new Document("title", "shown value"));
			client.getDatabase(database).drop();
		}
		assertThat(lines()).anyMatch((line) -> line.contains("title: \"shown value\""));
	}

	@Test
	void logsNothingAboveDebug() {
		this.logger.setLevel(Level.INFO);
		try (MongoClient client = client(false)) {
			client.getDatabase(TestMongo.uniqueDatabaseName("commandlog")).runCommand(new Document("ping", 1));
		}
		assertThat(this.appender.list).isEmpty();
	}

	private List<String> lines() {
		return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private static MongoClient client(boolean logValues) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(TestMongo.connectionString())
			.addCommandListener(new CommandLogger(logValues))
			.build());
	}

}
