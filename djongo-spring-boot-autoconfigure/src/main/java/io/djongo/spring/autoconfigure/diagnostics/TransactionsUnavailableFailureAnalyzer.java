package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.core.transaction.TransactionsUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains {@code djongo.transactions=required} on a deployment without transactions.
 */
class TransactionsUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<TransactionsUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TransactionsUnavailableException cause) {
		return new FailureAnalysis("djongo-spring could not start: djongo.transactions is 'required', but "
				+ cause.getDeployment() + " runs no multi-document transactions. MongoDB runs them on a replica set"
				+ " member or through mongos, never on a standalone server; the embedded server is one.",
				"Connect to a replica set or mongos (a single-node replica set will do; Testcontainers'"
						+ " MongoDBContainer starts one), or set djongo.transactions=auto to run atomic blocks and"
						+ " @Transactional methods without a transaction where there is none (their writes then stay"
						+ " when they fail).",
				cause);
	}

}
