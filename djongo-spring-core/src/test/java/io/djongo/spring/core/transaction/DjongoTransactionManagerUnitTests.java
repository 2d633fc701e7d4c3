package io.djongo.spring.core.transaction;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerConnectionState;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the transaction manager decides without a server: whether the deployment runs transactions, from the
 * driver's cluster description, what each mode makes of it, and that a manager without transactions runs a block
 * as if there were no transaction manager.
 */
class DjongoTransactionManagerUnitTests {

	/** A client that never connects: nothing here may reach a server. */
	static final MongoClient client = MongoClients.create("mongodb://localhost:1/?serverSelectionTimeoutMS=1");

	final MongoDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, "tx");

	final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.log.start();
		((Logger) LoggerFactory.getLogger(DjongoTransactionManager.class)).addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		((Logger) LoggerFactory.getLogger(DjongoTransactionManager.class)).detachAppender(this.log);
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void aReplicaSetWithSessionsRunsTransactions() {
		assertThat(DjongoTransactionManager.supports(replicaSet(30))).isTrue();
	}

	@Test
	void aShardedClusterWithSessionsRunsTransactions() {
		assertThat(DjongoTransactionManager.supports(cluster(ClusterType.SHARDED, ServerType.SHARD_ROUTER, 30)))
			.isTrue();
	}

	@Test
	void aLoadBalancedDeploymentRunsTransactions() {
		assertThat(DjongoTransactionManager.supports(new ClusterDescription(ClusterConnectionMode.LOAD_BALANCED,
				ClusterType.LOAD_BALANCED, List.of(server(ServerType.LOAD_BALANCER, null))))).isTrue();
	}

	@Test
	void aStandaloneServerDoesNot() {
		assertThat(DjongoTransactionManager.supports(standalone())).isFalse();
	}

	@Test
	void aReplicaSetWithoutSessionsDoesNot() {
		assertThat(DjongoTransactionManager.supports(replicaSet(null))).isFalse();
	}

	@Test
	void anUnknownDeploymentDoesNot() {
		// before the client has reached a server
		assertThat(DjongoTransactionManager.supports(
				new ClusterDescription(ClusterConnectionMode.MULTIPLE, ClusterType.UNKNOWN, List.of())))
			.isFalse();
	}

	@Test
	void aReplicaSetNotYetReachedIsPingedBeforeDeciding() {
		// a replicaSet=rs0 URI makes the driver describe a REPLICA_SET before its first heartbeat, with no primary
		// nor secondary yet, hence no logical session timeout: that is not a replica set without sessions
		ClusterDescription connecting = new ClusterDescription(ClusterConnectionMode.MULTIPLE, ClusterType.REPLICA_SET,
				List.of(ServerDescription.builder()
					.address(new ServerAddress("db", 27017))
					.state(ServerConnectionState.CONNECTING)
					.build()));
		List<Document> sent = new ArrayList<>();
		AtomicInteger asked = new AtomicInteger();
		DjongoTransactionManager manager = new DjongoTransactionManager(recording(sent), TransactionMode.REQUIRED,
				() -> (asked.getAndIncrement() == 0) ? connecting : replicaSet());
		assertThat(manager.isTransactional()).isTrue();
		assertThat(sent).containsExactly(new Document("ping", 1));
		assertThat(this.log.list).isEmpty();
	}

	@Test
	void aReachedDeploymentIsNotPinged() {
		List<Document> sent = new ArrayList<>();
		assertThat(new DjongoTransactionManager(recording(sent), TransactionMode.AUTO, this::replicaSet)
			.isTransactional()).isTrue();
		assertThat(new DjongoTransactionManager(recording(sent), TransactionMode.AUTO,
				DjongoTransactionManagerUnitTests::standalone).isTransactional()).isFalse();
		assertThat(sent).isEmpty();
	}

	@Test
	void autoRunsTransactionsOnAReplicaSetAndSaysNothing() {
		assertThat(manager(TransactionMode.AUTO, this::replicaSet).isTransactional()).isTrue();
		assertThat(this.log.list).isEmpty();
	}

	@Test
	void autoRunsNoneOnAStandaloneServerAndWarnsOnce() {
		DjongoTransactionManager manager = manager(TransactionMode.AUTO, DjongoTransactionManagerUnitTests::standalone);
		assertThat(manager.isTransactional()).isFalse();
		assertThat(manager.isTransactional()).isFalse();
		assertThat(this.log.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).hasToString("WARN");
			assertThat(event.getFormattedMessage()).contains("djongo.transactions=auto",
					"the standalone server at db:27017", "run without one", "djongo.transactions=off");
		});
	}

	@Test
	void theDeploymentIsAskedOnce() {
		AtomicInteger asked = new AtomicInteger();
		DjongoTransactionManager manager = manager(TransactionMode.AUTO, () -> {
			asked.incrementAndGet();
			return replicaSet();
		});
		manager.isTransactional();
		manager.isTransactional();
		assertThat(asked).hasValue(1);
	}

	@Test
	void requiredFailsOnAStandaloneServerNamingIt() {
		assertThatExceptionOfType(TransactionsUnavailableException.class)
			.isThrownBy(() -> manager(TransactionMode.REQUIRED, DjongoTransactionManagerUnitTests::standalone)
				.isTransactional())
			.withMessageContaining("djongo.transactions is 'required' but the standalone server at db:27017")
			.satisfies((ex) -> assertThat(ex.getDeployment()).startsWith("the standalone server"));
	}

	@Test
	void requiredFailsWithoutAClusterDescription() {
		assertThatExceptionOfType(TransactionsUnavailableException.class)
			.isThrownBy(() -> manager(TransactionMode.REQUIRED, null).isTransactional())
			.withMessageContaining("DjongoOptions.withClusterDescription");
	}

	@Test
	void requiredRunsTransactionsOnAReplicaSet() {
		assertThat(manager(TransactionMode.REQUIRED, this::replicaSet).isTransactional()).isTrue();
	}

	@Test
	void offNeverAsksTheDeployment() {
		DjongoTransactionManager manager = manager(TransactionMode.OFF, () -> {
			throw new AssertionError("asked");
		});
		assertThat(manager.isTransactional()).isFalse();
		assertThat(this.log.list).isEmpty();
	}

	@Test
	void withoutTransactionsABlockRunsWithoutASessionAndAFailureRollsNothingBack() {
		TransactionTemplate transactions = new TransactionTemplate(
				manager(TransactionMode.OFF, DjongoTransactionManagerUnitTests::standalone));
		String result = transactions.execute((status) -> {
			assertThat(TransactionSynchronizationManager.getResource(this.factory)).isNull();
			assertThat(DjongoTransactionManager.currentSession(this.factory)).isNull();
			return transactions.execute((inner) -> "nested");
		});
		assertThat(result).isEqualTo("nested");
		assertThatIllegalStateException().isThrownBy(() -> transactions.executeWithoutResult((status) -> {
			throw new IllegalStateException("the block failed");
		})).withMessage("the block failed");
		assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isFalse();
	}

	/** A database factory whose database records the commands run on it, and answers them ok. */
	private static MongoDatabaseFactory recording(List<Document> sent) {
		MongoDatabase database = (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
				new Class<?>[] { MongoDatabase.class }, (proxy, method, args) -> {
					if (method.getName().equals("runCommand") && args.length == 1) {
						sent.add((Document) args[0]);
						return new Document("ok", 1.0);
					}
					throw new UnsupportedOperationException(method.getName());
				});
		return new SimpleMongoClientDatabaseFactory(client, "tx") {

			@Override
			public MongoDatabase getMongoDatabase() {
				return database;
			}

		};
	}

	private DjongoTransactionManager manager(TransactionMode mode, @Nullable Supplier<ClusterDescription> cluster) {
		return new DjongoTransactionManager(this.factory, mode, cluster);
	}

	private ClusterDescription replicaSet() {
		return replicaSet(30);
	}

	private static ClusterDescription replicaSet(@Nullable Integer sessionMinutes) {
		return cluster(ClusterType.REPLICA_SET, ServerType.REPLICA_SET_PRIMARY, sessionMinutes);
	}

	private static ClusterDescription standalone() {
		return cluster(ClusterType.STANDALONE, ServerType.STANDALONE, null);
	}

	/** A connected deployment of one server, as the driver describes it after its first heartbeat. */
	static ClusterDescription cluster(ClusterType type, ServerType server, @Nullable Integer sessionMinutes) {
		return new ClusterDescription(
				(type == ClusterType.STANDALONE) ? ClusterConnectionMode.SINGLE : ClusterConnectionMode.MULTIPLE, type,
				List.of(server(server, sessionMinutes)));
	}

	static ServerDescription server(ServerType type, @Nullable Integer sessionMinutes) {
		return ServerDescription.builder()
			.address(new ServerAddress("db", 27017))
			.state(ServerConnectionState.CONNECTED)
			.type(type)
			.ok(true)
			.logicalSessionTimeoutMinutes(sessionMinutes)
			.build();
	}

}
