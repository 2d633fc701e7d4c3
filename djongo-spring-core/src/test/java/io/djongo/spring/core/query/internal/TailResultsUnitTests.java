package io.djongo.spring.core.query.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.MongoInterruptedException;
import com.mongodb.ServerAddress;
import com.mongodb.ServerCursor;
import com.mongodb.client.MongoCursor;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * How a tail reads its cursor, without a server (the embedded server cannot tail): scripted cursors whose
 * {@code tryNext} answers a document, nothing yet (an await that timed out), or ends (the server cursor is gone).
 */
class TailResultsUnitTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	/** A cursor answering its script: a document, {@link #WAIT} (nothing yet), {@link #END} (server cursor gone). */
	static final class ScriptedCursor implements MongoCursor<Document> {

		static final Document WAIT = new Document("wait", true);

		static final Document END = new Document("end", true);

		private final Deque<Object> script;

		private boolean ended;

		volatile boolean closed;

		ScriptedCursor(Object... script) {
			this.script = new ArrayDeque<>(List.of(script));
		}

		@Override
		public @Nullable Document tryNext() {
			if (this.closed) {
				throw new IllegalStateException("Cursor has been closed");
			}
			Object step = this.script.isEmpty() ? WAIT : this.script.poll();
			if (step instanceof RuntimeException failure) {
				throw failure;
			}
			if (step == END) {
				this.ended = true;
				return null;
			}
			return (step == WAIT) ? null : (Document) step;
		}

		@Override
		public @Nullable ServerCursor getServerCursor() {
			return this.ended ? null : new ServerCursor(42, new ServerAddress());
		}

		@Override
		public void close() {
			this.closed = true;
		}

		@Override
		public boolean hasNext() {
			throw new UnsupportedOperationException("a tail reads with tryNext");
		}

		@Override
		public Document next() {
			throw new UnsupportedOperationException("a tail reads with tryNext");
		}

		@Override
		public int available() {
			return 0;
		}

		@Override
		public ServerAddress getServerAddress() {
			return new ServerAddress();
		}

	}

	private static Document event(int n) {
		return new Document("n", n);
	}

	private static Stream<Integer> tail(Supplier<MongoCursor<Document>> opener) {
		TailResults<Integer> results = new TailResults<>(opener, (document) -> document.getInteger("n"),
				Duration.ofMillis(10), (ex) -> new DataAccessResourceFailureException("translated", ex));
		return results.stream();
	}

	@Test
	void theDocumentsComeInTheCursorsOrderAcrossAwaitsThatFoundNothing() {
		ScriptedCursor cursor = new ScriptedCursor(event(1), ScriptedCursor.WAIT, ScriptedCursor.WAIT, event(2),
				ScriptedCursor.WAIT, event(3), event(4));
		assertTimeoutPreemptively(BOUND, () -> {
			try (Stream<Integer> events = tail(() -> cursor)) {
				assertThat(events.limit(3).toList()).containsExactly(1, 2, 3);
			}
		});
		assertThat(cursor.closed).as("closing the stream closes the cursor").isTrue();
	}

	@Test
	void aCursorEndedBeforeAnyDocumentIsOpenedAgainAfterAPause() {
		AtomicInteger opened = new AtomicInteger();
		List<ScriptedCursor> cursors = List.of(new ScriptedCursor(ScriptedCursor.END),
				new ScriptedCursor(ScriptedCursor.END), new ScriptedCursor(event(7)));
		assertTimeoutPreemptively(BOUND, () -> {
			try (Stream<Integer> events = tail(() -> cursors.get(opened.getAndIncrement()))) {
				assertThat(events.findFirst()).contains(7);
			}
		});
		assertThat(opened.get()).isEqualTo(3);
		assertThat(cursors.get(0).closed).isTrue();
	}

	@Test
	void aCursorEndedAfterDocumentsEndsTheStreamRatherThanReadThemTwice() {
		AtomicInteger opened = new AtomicInteger();
		assertTimeoutPreemptively(BOUND, () -> {
			try (Stream<Integer> events = tail(() -> {
				opened.incrementAndGet();
				return new ScriptedCursor(event(1), event(2), ScriptedCursor.END);
			})) {
				assertThat(events.toList()).containsExactly(1, 2);
			}
		});
		assertThat(opened.get()).isOne();
	}

	@Test
	void anInterruptedThreadEndsTheStreamKeepingItsFlag() {
		ScriptedCursor cursor = new ScriptedCursor(event(1));
		assertTimeoutPreemptively(BOUND, () -> {
			try (Stream<Integer> events = tail(() -> cursor)) {
				List<Integer> read = events.peek((n) -> Thread.currentThread().interrupt()).toList();
				assertThat(read).containsExactly(1);
				assertThat(Thread.interrupted()).as("the flag is kept (and cleared here)").isTrue();
			}
		});
		assertThat(cursor.closed).isTrue();
	}

	@Test
	void theDriversInterruptEndsTheStreamAndSetsTheFlag() {
		ScriptedCursor cursor = new ScriptedCursor(event(1),
				new MongoInterruptedException("Interrupted while reading from stream", null));
		assertTimeoutPreemptively(BOUND, () -> {
			try (Stream<Integer> events = tail(() -> cursor)) {
				assertThat(events.toList()).containsExactly(1);
				assertThat(Thread.interrupted()).isTrue();
			}
		});
		assertThat(cursor.closed).isTrue();
	}

	@Test
	void closingFromAnotherThreadEndsAWaitingStreamWithoutAnError() throws Exception {
		ScriptedCursor cursor = new ScriptedCursor(event(1));
		TailResults<Integer> results = new TailResults<>(() -> cursor, (document) -> document.getInteger("n"),
				Duration.ofMillis(10), (ex) -> new DataAccessResourceFailureException("translated", ex));
		CountDownLatch first = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread reader = new Thread(() -> {
			try {
				while (results.hasNext()) {
					results.next();
					first.countDown();
				}
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		reader.start();
		assertThat(first.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
		results.close();
		reader.join(BOUND.toMillis());
		assertThat(reader.isAlive()).isFalse();
		assertThat(failure.get()).isNull();
		assertThat(cursor.closed).isTrue();
	}

	@Test
	void aServerFailureIsTranslatedAndClosesTheCursor() {
		ScriptedCursor cursor = new ScriptedCursor(event(1), new IllegalArgumentException("CappedPositionLost"));
		assertTimeoutPreemptively(BOUND, () -> {
			try (Stream<Integer> events = tail(() -> cursor)) {
				assertThatExceptionOfType(DataAccessResourceFailureException.class)
					.isThrownBy(events::toList)
					.withMessage("translated");
			}
		});
		assertThat(cursor.closed).isTrue();
	}

	@Test
	void theFirstFindIsSentWhenTheTailIsOpened() {
		AtomicInteger opened = new AtomicInteger();
		Stream<Integer> events = tail(() -> {
			opened.incrementAndGet();
			return new ScriptedCursor(event(1));
		});
		assertThat(opened.get()).as("a refusal surfaces where tail() is called").isOne();
		events.close();
		assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(() -> tail(() -> {
			throw new IllegalStateException("tailable cursor requested on non capped collection");
		}));
	}

}
