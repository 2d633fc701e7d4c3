package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCursor;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.util.CloseableIterator;

/**
 * Results read from a server cursor one batch at a time, never all held: Django's {@code iterator(chunk_size)}. The
 * cursor asks for {@code chunkSize} documents per {@code getMore}; only the current chunk is held, and only when
 * relations are prefetched (once per chunk, as Django 4.1+ does), otherwise one result at a time. The cursor is
 * closed at the end, or by {@link #close()}.
 */
final class CursorResults<R> implements CloseableIterator<R> {

	/** Fetches relations for one chunk of models and the documents they were read from. */
	interface ChunkPrefetch {

		void prefetch(List<Object> models, List<Document> documents);

	}

	private final MongoCursor<Document> cursor;

	private final Function<Document, @Nullable Object> mapper;

	private final int chunkSize;

	private final @Nullable ChunkPrefetch prefetch;

	private final UnaryOperator<RuntimeException> translator;

	private List<@Nullable Object> chunk = List.of();

	private int position;

	private boolean closed;

	/**
	 * @param translator what a failure of a {@code getMore} becomes, as the template translates the driver's
	 * exceptions
	 */
	CursorResults(MongoCursor<Document> cursor, Function<Document, @Nullable Object> mapper, int chunkSize,
			@Nullable ChunkPrefetch prefetch, UnaryOperator<RuntimeException> translator) {
		this.translator = translator;
		this.cursor = cursor;
		this.mapper = mapper;
		this.chunkSize = chunkSize;
		this.prefetch = prefetch;
	}

	/** No results, for a QuerySet known to be empty. */
	static <R> CloseableIterator<R> empty() {
		return new CloseableIterator<>() {

			@Override
			public boolean hasNext() {
				return false;
			}

			@Override
			public R next() {
				throw new NoSuchElementException("No more results");
			}

			@Override
			public void close() {
			}

		};
	}

	@Override
	public boolean hasNext() {
		if (this.position < this.chunk.size()) {
			return true;
		}
		if (this.closed) {
			return false;
		}
		try {
			readChunk();
		}
		catch (RuntimeException ex) {
			close();
			throw this.translator.apply(ex);
		}
		return this.position < this.chunk.size();
	}

	@Override
	@SuppressWarnings({ "unchecked", "NullAway" })
	public R next() {
		if (!hasNext()) {
			throw new NoSuchElementException("No more results");
		}
		Object result = this.chunk.get(this.position);
		// let the chunk's results go as they are handed out
		this.chunk.set(this.position++, null);
		return (R) result;
	}

	private void readChunk() {
		this.position = 0;
		ChunkPrefetch relations = this.prefetch;
		if (relations == null) {
			List<@Nullable Object> one = new ArrayList<>(1);
			if (this.cursor.hasNext()) {
				one.add(this.mapper.apply(this.cursor.next()));
			}
			this.chunk = one;
		}
		else {
			List<Object> models = new ArrayList<>();
			List<Document> documents = new ArrayList<>();
			while (models.size() < this.chunkSize && this.cursor.hasNext()) {
				Document document = this.cursor.next();
				Object model = this.mapper.apply(document);
				if (model != null) {
					models.add(model);
					documents.add(document);
				}
			}
			if (!models.isEmpty()) {
				relations.prefetch(models, documents);
			}
			this.chunk = new ArrayList<>(models);
		}
		if (this.chunk.isEmpty()) {
			close();
		}
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.cursor.close();
		}
	}

}
