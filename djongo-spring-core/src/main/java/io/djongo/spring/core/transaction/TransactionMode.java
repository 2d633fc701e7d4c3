package io.djongo.spring.core.transaction;

/**
 * Whether djongo runs multi-document transactions ({@code djongo.transactions}). MongoDB runs them on a replica set
 * member or through mongos, never on a standalone server (the embedded server is one): the driver's cluster
 * description tells which.
 */
public enum TransactionMode {

	/**
	 * Transactions where the deployment has them; elsewhere atomic blocks and {@code @Transactional} methods run
	 * without one (their writes are not undone when they fail), and one WARN at start-up says so.
	 */
	AUTO,

	/** Transactions always: start-up fails on a deployment without them. */
	REQUIRED,

	/** Never a transaction: blocks run their writes one by one, as without a transaction manager. */
	OFF

}
