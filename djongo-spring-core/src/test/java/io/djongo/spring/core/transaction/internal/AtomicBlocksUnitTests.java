package io.djongo.spring.core.transaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.ServerAddress;
import org.bson.BsonDocument;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The runner of atomic blocks and the driver's retry rules, on a fake transaction manager and a fake clock: commit
 * on return, rollback on an exception, nested blocks joining, the block run again after a transient error (of the
 * block or of its commit) within 120 seconds, with a backoff, and only by the outermost block; a commit with an
 * unknown result sent again.
 */
class AtomicBlocksUnitTests {

	final FakeClock clock = new FakeClock();

	final FakeManager manager = new FakeManager();

	final AtomicBlocks atomic = new AtomicBlocks(this.manager, new RetryRules(this.clock, () -> 1.0));

	@Test
	void aBlockThatReturnsIsCommitted() {
		assertThat(this.atomic.run(() -> "done")).isEqualTo("done");
		assertThat(this.manager.events).containsExactly("begin", "commit");
	}

	@Test
	void aBlockThatThrowsIsRolledBackAndItsExceptionRethrown() {
		IllegalStateException failure = new IllegalStateException("half-way");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.atomic.run(() -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(this.manager.events).containsExactly("begin", "rollback");
	}

	@Test
	void aNestedBlockJoinsTheOuterOne() {
		this.atomic.run(() -> this.atomic.run(() -> "inner"));
		assertThat(this.manager.events).containsExactly("begin", "join", "commit joined", "commit");
	}

	@Test
	void aNestedBlockThatThrowsMarksTheOuterForRollback() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.atomic.run(() -> {
			return this.atomic.run(() -> {
				throw new IllegalStateException("inner");
			});
		}));
		assertThat(this.manager.events).containsExactly("begin", "join", "rollback joined", "rollback");
	}

	@Test
	void aTransientErrorRunsTheBlockAgainAfterABackoff() {
		AtomicInteger runs = new AtomicInteger();
		String result = this.atomic.run(() -> {
			if (runs.incrementAndGet() < 3) {
				throw translated(transientError());
			}
			return "third time";
		});
		assertThat(result).isEqualTo("third time");
		assertThat(this.manager.events).containsExactly("begin", "rollback", "begin", "rollback", "begin", "commit");
		// jitter 1: 5 ms * 1.5^attempt, rounded
		assertThat(this.clock.sleeps).containsExactly(8L, 11L);
	}

	@Test
	void aTransientErrorOfTheCommitRunsTheBlockAgain() {
		this.manager.commitFailures.add(new TransactionSystemException("commit", transientError()));
		AtomicInteger runs = new AtomicInteger();
		this.atomic.run(runs::incrementAndGet);
		assertThat(runs).hasValue(2);
		assertThat(this.manager.events).containsExactly("begin", "commit failed", "begin", "commit");
	}

	@Test
	void aNestedBlockLeavesTheRetryToTheOutermost() {
		AtomicInteger inner = new AtomicInteger();
		AtomicInteger outer = new AtomicInteger();
		this.atomic.run(() -> {
			outer.incrementAndGet();
			return this.atomic.run(() -> {
				if (inner.incrementAndGet() == 1) {
					throw transientError();
				}
				return "ok";
			});
		});
		assertThat(outer).hasValue(2);
		assertThat(inner).hasValue(2);
		assertThat(this.manager.events).containsExactly("begin", "join", "rollback joined", "rollback", "begin",
				"join", "commit joined", "commit");
	}

	@Test
	void otherErrorsAreNotRetried() {
		AtomicInteger runs = new AtomicInteger();
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.atomic.run(() -> {
			runs.incrementAndGet();
			throw new DataIntegrityViolationException("duplicate key", error(11000, "DuplicateKey"));
		}));
		assertThat(runs).hasValue(1);
	}

	@Test
	void retriesStopAfterTheDriversLimitAndTheLastErrorIsThrown() {
		AtomicInteger runs = new AtomicInteger();
		assertThatExceptionOfType(MongoException.class).isThrownBy(() -> this.atomic.run(() -> {
			runs.incrementAndGet();
			this.clock.advanceMillis(50_000);
			throw transientError();
		})).satisfies((ex) -> assertThat(ex.hasErrorLabel("TransientTransactionError")).isTrue());
		// runs at 0 s, 50 s and 100 s; at 150 s no retry starts
		assertThat(runs).hasValue(3);
	}

	@Test
	void aFailedRollbackGoesWithTheBlocksError() {
		this.manager.rollbackFailure = new TransactionSystemException("abort failed");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.atomic.run(() -> {
			throw new IllegalStateException("block");
		})).satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
			.isInstanceOf(TransactionSystemException.class));
	}

	@Test
	void aCommitWithAnUnknownResultIsSentAgain() {
		RetryRules rules = new RetryRules(this.clock, () -> 1.0);
		AtomicInteger commits = new AtomicInteger();
		rules.commit(() -> {
			if (commits.incrementAndGet() < 3) {
				throw unknownCommitResult(new MongoException(91, "ShutdownInProgress"));
			}
		}, rules.start());
		assertThat(commits).hasValue(3);
	}

	@Test
	void aCommitThatRanOutOfTimeOnTheServerIsNotSentAgain() {
		RetryRules rules = new RetryRules(this.clock, () -> 1.0);
		AtomicInteger commits = new AtomicInteger();
		assertThatExceptionOfType(MongoExecutionTimeoutException.class).isThrownBy(() -> rules.commit(() -> {
			commits.incrementAndGet();
			throw unknownCommitResult(new MongoExecutionTimeoutException(50, "MaxTimeMSExpired"));
		}, rules.start()));
		assertThat(commits).hasValue(1);
	}

	@Test
	void commitRetriesStopAfterTheLimit() {
		RetryRules rules = new RetryRules(this.clock, () -> 1.0);
		AtomicInteger commits = new AtomicInteger();
		assertThatExceptionOfType(MongoException.class).isThrownBy(() -> rules.commit(() -> {
			commits.incrementAndGet();
			this.clock.advanceMillis(70_000);
			throw unknownCommitResult(new MongoException(91, "ShutdownInProgress"));
		}, rules.start()));
		assertThat(commits).hasValue(2);
	}

	@Test
	void aClientSideTimeoutIsNotTransient() {
		assertThat(RetryRules.retriesBlock(new com.mongodb.MongoOperationTimeoutException("timeout"))).isFalse();
		assertThat(RetryRules.retriesBlock(new UncategorizedMongoDbException("wrapped", transientError()))).isTrue();
	}

	static MongoException transientError() {
		MongoException error = error(112, "WriteConflict");
		error.addLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL);
		return error;
	}

	static <E extends MongoException> E unknownCommitResult(E error) {
		error.addLabel(MongoException.UNKNOWN_TRANSACTION_COMMIT_RESULT_LABEL);
		return error;
	}

	static MongoCommandException error(int code, String name) {
		return new MongoCommandException(BsonDocument.parse("{ok: 0, code: " + code + ", codeName: '" + name
				+ "', errmsg: '" + name + "'}"), new ServerAddress());
	}

	/** Spring's translation keeps the driver's exception as the cause. */
	static RuntimeException translated(MongoException error) {
		return new UncategorizedMongoDbException(error.getMessage(), error);
	}

	static final class FakeClock implements RetryRules.Clock {

		long nanos;

		final List<Long> sleeps = new ArrayList<>();

		@Override
		public long nanoTime() {
			return this.nanos;
		}

		@Override
		public void sleep(long millis) {
			this.sleeps.add(millis);
			advanceMillis(millis);
		}

		void advanceMillis(long millis) {
			this.nanos += millis * 1_000_000;
		}

	}

	/** A transaction manager that records what it is asked; a transaction begun inside another joins it. */
	static final class FakeManager implements PlatformTransactionManager {

		final List<String> events = new ArrayList<>();

		final List<RuntimeException> commitFailures = new ArrayList<>();

		@Nullable RuntimeException rollbackFailure;

		int depth;

		@Override
		public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) {
			this.events.add((this.depth == 0) ? "begin" : "join");
			return new SimpleTransactionStatus(this.depth++ == 0);
		}

		@Override
		public void commit(TransactionStatus status) {
			this.depth--;
			if (!status.isNewTransaction()) {
				this.events.add("commit joined");
				return;
			}
			if (!this.commitFailures.isEmpty()) {
				this.events.add("commit failed");
				throw this.commitFailures.remove(0);
			}
			this.events.add("commit");
		}

		@Override
		public void rollback(TransactionStatus status) {
			this.depth--;
			this.events.add(status.isNewTransaction() ? "rollback" : "rollback joined");
			RuntimeException failure = this.rollbackFailure;
			if (failure != null) {
				throw failure;
			}
		}

	}

}
