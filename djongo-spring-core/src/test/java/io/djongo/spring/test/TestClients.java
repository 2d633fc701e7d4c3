package io.djongo.spring.test;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.UuidRepresentation;

/**
 * The shared client of a test JVM, connected to {@link TestMongo}, recording every command it sends.
 */
public final class TestClients {

	private static final CommandRecorder recorder = new CommandRecorder();

	private static final MongoClient client = MongoClients.create(MongoClientSettings.builder()
		.applyConnectionString(TestMongo.connectionString())
		.uuidRepresentation(UuidRepresentation.STANDARD)
		.addCommandListener(recorder)
		.build());

	private TestClients() {
	}

	/** The shared client. */
	public static MongoClient client() {
		return client;
	}

	/** The recorder of the shared client's commands; clear it before counting. */
	public static CommandRecorder recorder() {
		return recorder;
	}

}
