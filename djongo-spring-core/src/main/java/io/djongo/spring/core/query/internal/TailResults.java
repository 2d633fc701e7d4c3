package io.djongo.spring.core.query.internal;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoCursor;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.util.CloseableIterator;

/**
 * The results of a tailable, await-data cursor, one at a time: {@link #hasNext()} blocks until a new document
 * arrives, the stream is closed, or the thread is interrupted.
 * <ul>
 * <li>Each {@code tryNext} sends at most one {@code getMore}, which the server holds up to its await time; the
 * interrupt flag is checked between them, so an interrupted thread ends the stream (no exception, the flag kept)
 * within one await at most, or at once when the driver notices the interrupt itself.</li>
 * <li>MongoDB ends a tailable cursor whose first find matched nothing (an empty collection): until a first document
 * is read, the find is sent again after one await's pause. A cursor that ends after documents were read (the
 * collection dropped) ends the stream: sending the find again would return those documents twice.</li>
 * <li>{@link #close()} kills the server cursor ({@code killCursors}); it may be called from another thread while one
 * waits, and that wait then ends the stream.</li>
 * </ul>
 */
final class TailResults<R> implements CloseableIterator<R> {

	private final Supplier<MongoCursor<Document>> opener;

	private final Function<Document, @Nullable Object> mapper;

	private final Duration pause;

	private final UnaryOperator<RuntimeException> translator;

	private volatile @Nullable MongoCursor<Document> cursor;

	private volatile boolean closed;

	private boolean read;

	private @Nullable Object next;

	/**
	 * @param opener sends the find and returns its cursor
	 * @param pause how long to wait before sending the find again when the cursor ended without a match
	 * @param translator what a failure becomes, as the template translates the driver's exceptions
	 */
	TailResults(Supplier<MongoCursor<Document>> opener, Function<Document, @Nullable Object> mapper, Duration pause,
			UnaryOperator<RuntimeException> translator) {
		this.opener = opener;
		this.mapper = mapper;
		this.pause = pause;
		this.translator = translator;
		// the first find is sent now, so that a refusal surfaces where tail() is called
		this.cursor = open();
	}

	private MongoCursor<Document> open() {
		try {
			return this.opener.get();
		}
		catch (RuntimeException ex) {
			throw this.translator.apply(ex);
		}
	}

	@Override
	public boolean hasNext() {
		if (this.next != null) {
			return true;
		}
		while (!this.closed) {
			if (Thread.currentThread().isInterrupted()) {
				close();
				return false;
			}
			try {
				MongoCursor<Document> current = this.cursor;
				if (current == null) {
					current = this.opener.get();
					this.cursor = current;
				}
				Document document = current.tryNext();
				if (document != null) {
					this.read = true;
					Object result = this.mapper.apply(document);
					if (result != null) {
						this.next = result;
						return true;
					}
				}
				else if (current.getServerCursor() == null && !ended(current)) {
					return false;
				}
			}
			catch (MongoInterruptedException ex) {
				Thread.currentThread().interrupt();
				close();
				return false;
			}
			catch (RuntimeException ex) {
				if (this.closed) {
					// closed from another thread while waiting
					return false;
				}
				close();
				throw this.translator.apply(ex);
			}
		}
		return false;
	}

	/** The server ended the cursor: waits and sends the find again if nothing was read yet; false to end. */
	private boolean ended(MongoCursor<Document> current) {
		current.close();
		this.cursor = null;
		if (this.read) {
			close();
			return false;
		}
		try {
			Thread.sleep(this.pause.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			return false;
		}
	}

	@Override
	@SuppressWarnings({ "unchecked", "NullAway" })
	public R next() {
		if (!hasNext()) {
			throw new NoSuchElementException("The tail has ended");
		}
		// hasNext() holds a result that is not null
		Object result = this.next;
		this.next = null;
		return (R) result;
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		MongoCursor<Document> current = this.cursor;
		this.cursor = null;
		if (current != null) {
			// the driver refuses to check out a connection on an interrupted thread: kill the cursor first, then
			// give the flag back
			boolean interrupted = Thread.interrupted();
			try {
				current.close();
			}
			catch (RuntimeException ex) {
				// the connection is gone: the server ends an abandoned cursor after its idle timeout
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

}
