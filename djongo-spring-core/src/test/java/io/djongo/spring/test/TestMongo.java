package io.djongo.spring.test;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one MongoDB server of a test JVM, chosen once: the server named by {@code DJONGO_TEST_MONGODB_URI} when set;
 * otherwise a Testcontainers MongoDB when Docker is available; otherwise the embedded mongo-java-server. Testcontainers
 * is asked only when {@link DockerEnvironment} sees a way to reach an engine.
 * <p>
 * Tests isolate their data by database: {@link #uniqueDatabaseName(String)} hands out a fresh name per call.
 * Tests of features the embedded server lacks call {@link #assumeRealMongoDb(String)} and are skipped there.
 */
public final class TestMongo {

	/** The environment variable naming a real MongoDB to test against. */
	public static final String URI_VARIABLE = "DJONGO_TEST_MONGODB_URI";

	private static final AtomicInteger databases = new AtomicInteger();

	private static volatile Server server;

	private static volatile Boolean transactions;

	private TestMongo() {
	}

	/** The connection string of the test server, without a database. */
	public static ConnectionString connectionString() {
		return server().connectionString();
	}

	/** The connection string of the test server as text. */
	public static String uri() {
		return connectionString().getConnectionString();
	}

	/** Whether the tests run against the embedded server rather than a real MongoDB. */
	public static boolean isEmbedded() {
		return server().embedded();
	}

	/** A short description of the server in use, for skip messages and reports. */
	public static String description() {
		return server().description();
	}

	/**
	 * Skips the calling test on the embedded server, which lacks what the test needs.
	 * @param reason what the embedded server does not do
	 */
	public static void assumeRealMongoDb(String reason) {
		Assumptions.assumeFalse(isEmbedded(), () -> "needs a real MongoDB (" + reason + "); set " + URI_VARIABLE
				+ " or run with Docker available");
	}

	/**
	 * Skips the calling test unless the server is a replica set member or mongos, which transactions and change
	 * streams need: neither the embedded server nor a real standalone one is, and {@code DJONGO_TEST_MONGODB_URI} may
	 * name either.
	 * @param reason what the test needs a replica set for
	 */
	public static void assumeReplicaSet(String reason) {
		assumeRealMongoDb(reason);
		Assumptions.assumeTrue(isReplicaSet(), () -> "needs a MongoDB replica set member or mongos (" + reason
				+ "); " + description() + " is a standalone server");
	}

	private static boolean isReplicaSet() {
		Boolean known = transactions;
		if (known == null) {
			com.mongodb.client.MongoClient client = TestClients.client();
			client.getDatabase("admin").runCommand(new org.bson.Document("ping", 1));
			known = io.djongo.spring.core.transaction.DjongoTransactionManager.supports(client.getClusterDescription());
			transactions = known;
		}
		return known;
	}

	/** A database name no other test of this JVM uses. */
	public static String uniqueDatabaseName(String prefix) {
		String clean = prefix.replaceAll("[^A-Za-z0-9_]", "_");
		if (clean.length() > 40) {
			clean = clean.substring(0, 40);
		}
		return clean + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
	}

	private static Server server() {
		Server current = server;
		if (current == null) {
			synchronized (TestMongo.class) {
				current = server;
				if (current == null) {
					current = start();
					server = current;
				}
			}
		}
		return current;
	}

	private static Server start() {
		String uri = System.getenv(URI_VARIABLE);
		if (uri != null && !uri.isBlank()) {
			return new Server(new ConnectionString(uri), false, "MongoDB at " + URI_VARIABLE);
		}
		if (dockerAvailable()) {
			MongoDBContainer container = new MongoDBContainer("mongo:8.0");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return new Server(new ConnectionString(container.getConnectionString()), false,
					"MongoDB " + container.getDockerImageName() + " in Testcontainers");
		}
		MongoServer embedded = new MongoServer(new MemoryBackend());
		// one worker thread: the memory backend does not lock, so concurrent findAndModify/$inc calls from several
		// connections would interleave; serialised, single-document writes are atomic as on MongoDB
		embedded.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
		String address = embedded.getConnectionString();
		Runtime.getRuntime().addShutdownHook(new Thread(embedded::shutdownNow));
		return new Server(new ConnectionString(address), true, "embedded mongo-java-server");
	}

	private static boolean dockerAvailable() {
		if (Boolean.getBoolean("djongo.test.embedded") || !DockerEnvironment.current().mayBeReachable()) {
			// no engine to find: Testcontainers' probe would cost seconds and log an ERROR to say so
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	private record Server(ConnectionString connectionString, boolean embedded, String description) {
	}

}
