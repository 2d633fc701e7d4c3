package io.djongo.spring.core.transaction.internal;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs atomic blocks, Django's {@code transaction.atomic}, on a transaction manager (the template's
 * {@code DjongoTransactionManager}):
 * <ol>
 * <li>a transaction is begun with {@code PROPAGATION_REQUIRED}: inside a transaction already running (another
 * block, a {@code @Transactional} method) the block joins it; MongoDB has no savepoints, so a nested block that
 * fails marks the whole transaction for rollback;</li>
 * <li>the block runs; its QuerySets, repositories, deletions, GridFS writes and {@code mongo*} calls find the
 * transaction's session through Spring's transaction synchronization, as every {@code MongoTemplate} call does;</li>
 * <li>on an exception the transaction is rolled back (a joined one marked rollback-only) and the exception
 * rethrown; on return it is committed.</li>
 * </ol>
 * Only the outermost block retries, by the driver's {@link RetryRules}: an error labelled
 * {@code TransientTransactionError} (of the block or of its commit) runs the whole block again in a new
 * transaction, after a short backoff, while within the limit; the manager itself retries a commit whose result is
 * unknown. Anything else the block did besides writing to MongoDB happens once per attempt.
 */
public final class AtomicBlocks {

	private static final Log logger = LogFactory.getLog(AtomicBlocks.class);

	private static final TransactionDefinition DEFINITION = definition();

	private final PlatformTransactionManager manager;

	private final RetryRules rules;

	public AtomicBlocks(PlatformTransactionManager manager) {
		this(manager, RetryRules.system());
	}

	public AtomicBlocks(PlatformTransactionManager manager, RetryRules rules) {
		this.manager = manager;
		this.rules = rules;
	}

	/** Runs a block in a transaction (or joins the running one) and returns what it returns. */
	public <T extends @Nullable Object> T run(Supplier<T> block) {
		long start = this.rules.start();
		int attempt = 0;
		while (true) {
			TransactionStatus status = this.manager.getTransaction(DEFINITION);
			boolean outermost = status.isNewTransaction();
			T result;
			try {
				result = block.get();
			}
			catch (RuntimeException | Error ex) {
				rollback(status, ex);
				if (outermost && retry(ex, ++attempt, start)) {
					continue;
				}
				throw ex;
			}
			try {
				this.manager.commit(status);
			}
			catch (TransactionException ex) {
				if (outermost && retry(ex, ++attempt, start)) {
					continue;
				}
				throw ex;
			}
			return result;
		}
	}

	private boolean retry(Throwable error, int attempt, long start) {
		if (!RetryRules.retriesBlock(error) || !this.rules.backoff(attempt, start)) {
			return false;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Running an atomic block again (attempt " + (attempt + 1) + ") after a transient error: "
					+ error);
		}
		return true;
	}

	private void rollback(TransactionStatus status, Throwable error) {
		try {
			this.manager.rollback(status);
		}
		catch (RuntimeException | Error ex) {
			// the block's error says what went wrong; the failed rollback goes with it
			error.addSuppressed(ex);
		}
	}

	private static TransactionDefinition definition() {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition(
				TransactionDefinition.PROPAGATION_REQUIRED);
		definition.setName("djongo.atomic");
		return definition;
	}

}
