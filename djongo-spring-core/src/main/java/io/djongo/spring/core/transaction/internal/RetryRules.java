package io.djongo.spring.core.transaction.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoOperationTimeoutException;

/**
 * The driver's rules for retrying a transaction ({@code ClientSession.withTransaction}): an error labelled
 * {@value MongoException#TRANSIENT_TRANSACTION_ERROR_LABEL} retries the whole block, a commit labelled
 * {@value MongoException#UNKNOWN_TRANSACTION_COMMIT_RESULT_LABEL} retries the commit, both for at most
 * {@link #LIMIT} from the first attempt. Between attempts of a block, a jittered exponential backoff (5 ms growing
 * by 1.5 per attempt, at most 500 ms), as newer drivers wait, so that two transactions that conflict do not meet
 * again at once.
 */
public final class RetryRules {

	/** The driver's limit: no retry starts later than this after the first attempt. */
	public static final Duration LIMIT = Duration.ofSeconds(120);

	private static final long LIMIT_NANOS = LIMIT.toNanos();

	private final Clock clock;

	private final DoubleSupplier jitter;

	/**
	 * @param clock the time and the waits
	 * @param jitter a number in [0, 1) per wait
	 */
	public RetryRules(Clock clock, DoubleSupplier jitter) {
		this.clock = clock;
		this.jitter = jitter;
	}

	/** The system clock, with random jitter. */
	public static RetryRules system() {
		return new RetryRules(Clock.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
	}

	/** The time now, to measure the limit from. */
	public long start() {
		return this.clock.nanoTime();
	}

	/** Whether an attempt may still start. */
	public boolean withinLimit(long start) {
		return this.clock.nanoTime() - start < LIMIT_NANOS;
	}

	/**
	 * Waits before the next attempt of a block.
	 * @param attempt the attempt about to start, 1 for the first retry
	 * @return false when the wait would end past the limit, or the thread was interrupted (its flag set again):
	 * no retry then
	 */
	public boolean backoff(int attempt, long start) {
		long millis = Math.round(this.jitter.getAsDouble() * Math.min(5 * Math.pow(1.5, attempt), 500));
		if (this.clock.nanoTime() - start + Duration.ofMillis(millis).toNanos() >= LIMIT_NANOS) {
			return false;
		}
		if (millis == 0) {
			return true;
		}
		try {
			this.clock.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Whether an error of a block (or of its commit) asks for the block to run again: a {@link MongoException}
	 * labelled {@value MongoException#TRANSIENT_TRANSACTION_ERROR_LABEL}, found among the causes (Spring translates
	 * the driver's exceptions and keeps them as causes), unless it is a client-side timeout.
	 */
	public static boolean retriesBlock(Throwable error) {
		int depth = 0;
		for (Throwable cause = error; cause != null && depth < 16; cause = cause.getCause(), depth++) {
			if (cause instanceof MongoOperationTimeoutException) {
				return false;
			}
			if (cause instanceof MongoException mongo
					&& mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a failed commit may be sent again: labelled
	 * {@value MongoException#UNKNOWN_TRANSACTION_COMMIT_RESULT_LABEL}, and not a time limit that another attempt
	 * would hit again.
	 */
	public static boolean retriesCommit(MongoException error) {
		return error.hasErrorLabel(MongoException.UNKNOWN_TRANSACTION_COMMIT_RESULT_LABEL)
				&& !(error instanceof MongoExecutionTimeoutException) && !(error instanceof MongoOperationTimeoutException);
	}

	/**
	 * Commits, sending the commit again while it fails with an unknown result (the driver sends a retried commit
	 * with a majority write concern), within the limit from {@code start}.
	 */
	public void commit(Runnable commit, long start) {
		while (true) {
			try {
				commit.run();
				return;
			}
			catch (MongoException ex) {
				if (!retriesCommit(ex) || !withinLimit(start)) {
					throw ex;
				}
			}
		}
	}

	/** Time and waits, replaceable in tests. */
	public interface Clock {

		/** {@link System#nanoTime()} and {@link Thread#sleep(long)}. */
		Clock SYSTEM = new Clock() {

			@Override
			public long nanoTime() {
				return System.nanoTime();
			}

			@Override
			public void sleep(long millis) throws InterruptedException {
				Thread.sleep(millis);
			}

		};

		long nanoTime();

		void sleep(long millis) throws InterruptedException;

	}

}
