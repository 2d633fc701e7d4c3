package io.djongo.spring.core.query;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A lazy, immutable query over one model's collection, as Django's {@code QuerySet}.
 * <p>
 * Every chain method returns a new QuerySet and sends nothing. Evaluation (iteration, {@link #list()}, ...) sends
 * one command and caches the result on this instance.
 *
 * @param <T> the model type
 */
public interface QuerySet<T> extends Iterable<T> {

	/**
	 * Keeps the documents matching a Django lookup such as {@code "title__icontains"}.
	 */
	QuerySet<T> filter(String lookup, @Nullable Object value);

	/**
	 * Orders by the given fields; a leading {@code -} sorts descending. Replaces any earlier ordering.
	 */
	QuerySet<T> orderBy(String... fields);

	/**
	 * Python's {@code qs[from:to]}: skips {@code from} documents and returns at most {@code to - from}.
	 */
	QuerySet<T> slice(int from, int to);

	/**
	 * Evaluates the QuerySet and returns its documents.
	 */
	List<T> list();

	/**
	 * The first document, or empty.
	 */
	Optional<T> first();

	/**
	 * The number of matching documents.
	 */
	long count();

	/**
	 * Evaluates the QuerySet into a stream.
	 */
	default Stream<T> stream() {
		return list().stream();
	}

	@Override
	default Iterator<T> iterator() {
		return list().iterator();
	}

}
