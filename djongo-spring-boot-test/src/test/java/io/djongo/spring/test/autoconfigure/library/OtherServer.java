package io.djongo.spring.test.autoconfigure.library;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-wire server that is not djongo's embedded one: the "configured" or "service connection" server of the
 * connection tests, started once per JVM on a free port of 127.0.0.1.
 */
final class OtherServer {

	private static final MongoServer server = start();

	private OtherServer() {
	}

	private static MongoServer start() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		return server;
	}

	/** {@code mongodb://127.0.0.1:<port>} */
	static String uri() {
		return server.getConnectionString();
	}

	static int port() {
		return server.getLocalAddress().getPort();
	}

	/** Documents of a collection, counted with a client of the test's own. */
	static long count(String database, String collection) {
		try (MongoClient client = MongoClients.create(uri())) {
			return client.getDatabase(database).getCollection(collection).countDocuments();
		}
	}

}
