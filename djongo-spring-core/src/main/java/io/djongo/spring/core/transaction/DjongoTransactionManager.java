package io.djongo.spring.core.transaction;

import java.util.function.Supplier;

import com.mongodb.client.ClientSession;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerDescription;
import io.djongo.spring.core.transaction.internal.RetryRules;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.MongoTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring Data's {@link MongoTransactionManager}, aware of what the deployment runs, behind {@code @Transactional}
 * and the template's {@code atomic} blocks:
 * <ul>
 * <li>whether a transaction begins is decided once, from the {@link TransactionMode} and the driver's cluster
 * description (a replica set member or mongos with logical sessions; no command of ours beyond one {@code ping}
 * when the client has not reached a server yet). Without transactions ({@code OFF}, or {@code AUTO} on a standalone
 * server such as the embedded one) a transaction of this manager binds no session: its block runs as it would
 * without a transaction manager, and a rollback undoes nothing. {@code AUTO} says so once, at WARN;
 * {@code REQUIRED} fails with a {@link TransactionsUnavailableException};</li>
 * <li>a commit whose result is unknown ({@code UnknownTransactionCommitResult}) is sent again, for up to the
 * driver's 120 seconds, as {@code ClientSession.withTransaction} does.</li>
 * </ul>
 * Spring binds a transaction's session to the {@link MongoDatabaseFactory}, so this manager and any other
 * {@code MongoTransactionManager} of the same factory join each other's transactions. This manager also publishes
 * the session itself ({@link #currentSession(MongoDatabaseFactory)}), for the calls that take it explicitly
 * (GridFS).
 */
public class DjongoTransactionManager extends MongoTransactionManager {

	private static final Log logger = LogFactory.getLog(DjongoTransactionManager.class);

	private final MongoDatabaseFactory databaseFactory;

	private final TransactionMode mode;

	private final @Nullable Supplier<ClusterDescription> cluster;

	private final RetryRules rules;

	private volatile @Nullable Boolean transactional;

	/**
	 * @param databaseFactory the database whose sessions run the transactions
	 * @param mode whether to run transactions
	 * @param cluster the driver's view of the deployment ({@code MongoClient::getClusterDescription}); without it,
	 * no transactions ({@code AUTO}) or a failure ({@code REQUIRED})
	 */
	public DjongoTransactionManager(MongoDatabaseFactory databaseFactory, TransactionMode mode,
			@Nullable Supplier<ClusterDescription> cluster) {
		this(databaseFactory, mode, cluster, RetryRules.system());
	}

	DjongoTransactionManager(MongoDatabaseFactory databaseFactory, TransactionMode mode,
			@Nullable Supplier<ClusterDescription> cluster, RetryRules rules) {
		super(databaseFactory);
		this.databaseFactory = databaseFactory;
		this.mode = mode;
		this.cluster = cluster;
		this.rules = rules;
	}

	/** The mode this manager was built with. */
	public TransactionMode getMode() {
		return this.mode;
	}

	/**
	 * Whether this manager's transactions are MongoDB transactions, decided on the first call (Spring Boot makes it
	 * at start-up) and kept.
	 * @throws TransactionsUnavailableException in {@code REQUIRED} mode on a deployment without transactions
	 */
	public boolean isTransactional() {
		Boolean decided = this.transactional;
		if (decided == null) {
			synchronized (this) {
				decided = this.transactional;
				if (decided == null) {
					decided = decide();
					this.transactional = decided;
				}
			}
		}
		return decided;
	}

	private boolean decide() {
		if (this.mode == TransactionMode.OFF) {
			return false;
		}
		String deployment = deployment();
		if (deployment == null) {
			return true;
		}
		if (this.mode == TransactionMode.REQUIRED) {
			throw new TransactionsUnavailableException(deployment);
		}
		logger.warn("djongo.transactions=auto: " + deployment + " runs no multi-document transactions, so atomic"
				+ " blocks and @Transactional methods run without one: what they wrote stays written when they fail."
				+ " Use a replica set (a single-node one will do) or mongos for transactions; set"
				+ " djongo.transactions=off to silence this, or =required to refuse to start without them.");
		return false;
	}

	/** What the deployment is when it runs no transactions, null when it does. */
	private @Nullable String deployment() {
		Supplier<ClusterDescription> source = this.cluster;
		if (source == null) {
			return "a template built without the client's cluster description (DjongoOptions.withClusterDescription)";
		}
		ClusterDescription description = source.get();
		if (!isReached(description)) {
			// the client has not reached a data-bearing server yet (a replicaSet URI makes the type REPLICA_SET before
			// the first heartbeat, with no logical session timeout to read): one ping makes it select one
			this.databaseFactory.getMongoDatabase().runCommand(new Document("ping", 1));
			description = source.get();
		}
		return supports(description) ? null : describe(description);
	}

	/**
	 * Whether the description holds what {@link #supports} reads: a load balancer (always in front of mongos), or a
	 * primary, secondary, mongos or standalone server the driver has connected to, whose logical session timeout it
	 * knows.
	 */
	static boolean isReached(ClusterDescription cluster) {
		return cluster.getType() == ClusterType.LOAD_BALANCED || cluster.getServerDescriptions().stream()
			.anyMatch((server) -> server.isPrimary() || server.isSecondary());
	}

	/**
	 * Whether a deployment runs multi-document transactions: a replica set or a sharded cluster whose servers
	 * support logical sessions, or a load balancer (always in front of mongos). A standalone server does not.
	 */
	public static boolean supports(ClusterDescription cluster) {
		ClusterType type = cluster.getType();
		if (type == ClusterType.LOAD_BALANCED) {
			return true;
		}
		boolean sessions = cluster.getLogicalSessionTimeoutMinutes() != null;
		return sessions && (type == ClusterType.REPLICA_SET || type == ClusterType.SHARDED);
	}

	static String describe(ClusterDescription cluster) {
		String servers = String.join(", ",
				cluster.getServerDescriptions().stream().map(ServerDescription::getAddress).map(Object::toString)
					.toList());
		String at = servers.isEmpty() ? "" : " at " + servers;
		return switch (cluster.getType()) {
			case STANDALONE -> "the standalone server" + at + " (the embedded server is one)";
			case REPLICA_SET, SHARDED -> "the " + ((cluster.getType() == ClusterType.SHARDED) ? "sharded cluster"
					: "replica set") + at + ", without logical sessions,";
			default -> "the deployment" + at + " (" + cluster.getType() + ")";
		};
	}

	/**
	 * The session of the transaction a {@code DjongoTransactionManager} runs on this thread for a database, or null
	 * outside one.
	 */
	public static @Nullable ClientSession currentSession(MongoDatabaseFactory databaseFactory) {
		Object session = TransactionSynchronizationManager.getResource(new SessionKey(databaseFactory));
		return (session instanceof ClientSession active && active.hasActiveTransaction()) ? active : null;
	}

	// --- without transactions, a transaction of this manager holds no session and does nothing ---

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		if (isTransactional()) {
			super.doBegin(transaction, definition);
			ClientSession session = ((MongoTransactionObject) transaction).getSession();
			if (session != null) {
				TransactionSynchronizationManager.bindResource(new SessionKey(this.databaseFactory), session);
			}
		}
	}

	@Override
	protected Object doSuspend(Object transaction) {
		Object holder = super.doSuspend(transaction);
		return new Suspended(holder,
				TransactionSynchronizationManager.unbindResourceIfPossible(new SessionKey(this.databaseFactory)));
	}

	@Override
	protected void doResume(@Nullable Object transaction, Object suspendedResources) {
		Suspended suspended = (Suspended) suspendedResources;
		super.doResume(transaction, suspended.holder());
		if (suspended.session() != null) {
			TransactionSynchronizationManager.bindResource(new SessionKey(this.databaseFactory), suspended.session());
		}
	}

	@Override
	protected void doCommit(MongoTransactionObject transaction) throws Exception {
		if (transaction.getSession() != null) {
			this.rules.commit(transaction::commitTransaction, this.rules.start());
		}
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		if (hasSession(status.getTransaction())) {
			super.doRollback(status);
		}
	}

	@Override
	protected void doSetRollbackOnly(DefaultTransactionStatus status) {
		if (hasSession(status.getTransaction())) {
			super.doSetRollbackOnly(status);
		}
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		if (hasSession(transaction)) {
			TransactionSynchronizationManager.unbindResourceIfPossible(new SessionKey(this.databaseFactory));
			super.doCleanupAfterCompletion(transaction);
		}
	}

	private static boolean hasSession(Object transaction) {
		return transaction instanceof MongoTransactionObject mongo && mongo.getSession() != null;
	}

	/** The key of the published session: one per database factory. */
	private record SessionKey(MongoDatabaseFactory databaseFactory) {
	}

	private record Suspended(Object holder, @Nullable Object session) {
	}

}
