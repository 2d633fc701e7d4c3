package io.djongo.spring.core.query;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * A lazy, immutable query over one model's collection: Django's {@code QuerySet}.
 * <p>
 * Chain methods return a new QuerySet and send nothing; each compiles its own step at once, so that a bad lookup
 * fails where it is written. An evaluation ({@link #list()}, iteration, {@link #first()},
 * {@link #get(String, Object)}, {@link #count()}, {@link #exists()}, {@link #aggregate}) sends one command: a
 * {@code find}, or an {@code aggregate} when annotations, relations crossed or random ordering need one (plus
 * {@code getMore} for large results); {@link #command()} shows it. The result of {@link #list()} and iteration is
 * cached: evaluating again, and {@code count()}, {@code exists()}, {@code first()} and {@code last()} afterwards,
 * send nothing. {@link #all()} returns a fresh, unevaluated copy.
 * <p>
 * Lookups are Django's ({@code title__icontains}, {@code publishedDate__year__gte}, {@code blog__name}) on Java
 * property names; {@code pk} names the id. Values are always literal: a string or map never becomes an operator.
 *
 * @param <T> what one result is: the model, or a row of values
 */
public interface QuerySet<T> extends Iterable<T> {

	// ---- chaining: each returns a new QuerySet

	/** Keeps the documents matching a lookup: {@code filter("title__icontains", "django")}. */
	QuerySet<T> filter(String lookup, @Nullable Object value);

	/** Keeps the documents matching every lookup, given as pairs: {@code filter("a", 1, "b__gt", 2)}. */
	QuerySet<T> filter(String lookup, @Nullable Object value, @Nullable Object... more);

	/** Keeps the documents matching every lookup of the map, as Django's keyword arguments. */
	QuerySet<T> filter(Map<String, ?> lookups);

	/** Keeps the documents matching every condition. */
	QuerySet<T> filter(Q... conditions);

	/**
	 * Removes the documents matching a lookup. Like Django, documents whose field is null or missing are kept:
	 * {@code exclude("rating", 3)} returns unrated documents.
	 */
	QuerySet<T> exclude(String lookup, @Nullable Object value);

	/** Removes the documents matching all the lookups together: one exclude of several is NOT (a AND b). */
	QuerySet<T> exclude(String lookup, @Nullable Object value, @Nullable Object... more);

	/** Removes the documents matching all the lookups of the map together. */
	QuerySet<T> exclude(Map<String, ?> lookups);

	/** Removes the documents matching all the conditions together. */
	QuerySet<T> exclude(Q... conditions);

	/**
	 * Orders by fields; {@code -} sorts descending, {@code ?} randomly. Replaces any earlier ordering, and no
	 * argument removes ordering, the model's default included. Nulls sort first ascending, as MongoDB sorts them.
	 */
	QuerySet<T> orderBy(String... fields);

	/** Reverses the ordering in force. */
	QuerySet<T> reverse();

	/** Python's {@code qs[from:to]}. Negative indexes are rejected, as in Django. */
	QuerySet<T> slice(int from, int to);

	/** Python's {@code qs[from:]}. */
	QuerySet<T> slice(int from);

	/**
	 * Removes duplicate rows of {@link #values} and {@link #valuesList}. Documents never repeat in a QuerySet of
	 * models, so on those it changes nothing.
	 */
	QuerySet<T> distinct();

	/** Each result as a map from the given lookups (all fields when none) to their values. */
	QuerySet<Map<String, @Nullable Object>> values(String... fields);

	/** Each result as a list of the values of the given lookups (all fields when none), in order. */
	QuerySet<List<@Nullable Object>> valuesList(String... fields);

	/** Django's {@code values_list(field, flat=True)}: each result is the value of one field. */
	<V> QuerySet<V> valuesList(String field, Class<V> type);

	/** Loads only these fields (and the id); the others read as null. */
	QuerySet<T> only(String... fields);

	/** Does not load these fields; they read as null. */
	QuerySet<T> defer(String... fields);

	/** Fetches these relations in the same command as the results. */
	QuerySet<T> selectRelated(String... relations);

	/** Fetches these relations with one extra command each, whatever the number of results. */
	QuerySet<T> prefetchRelated(String... relations);

	/**
	 * Computes a value per result, readable through a same-named non-persistent field of the model, in
	 * {@link #values}, and usable in later {@code filter}, {@code exclude} and {@code orderBy} calls.
	 */
	QuerySet<T> annotate(String name, Expression expression);

	/** An empty QuerySet that never asks the server. */
	QuerySet<T> none();

	/** A fresh, unevaluated copy. */
	QuerySet<T> all();

	// ---- evaluation

	/** Evaluates the QuerySet; the list is cached on this instance. */
	List<T> list();

	/** The results as a stream (evaluates and caches them). */
	default Stream<T> stream() {
		return list().stream();
	}

	@Override
	default Iterator<T> iterator() {
		return list().iterator();
	}

	/** The first result by the ordering in force, else by id; empty when there is none. */
	Optional<T> first();

	/** The last result by the ordering in force, else by id; empty when there is none. */
	Optional<T> last();

	/**
	 * The one result.
	 * @throws DoesNotExistException when there is none
	 * @throws MultipleObjectsReturnedException when there are several
	 */
	T get();

	/** The one result matching a lookup, as {@link #get()}. */
	T get(String lookup, @Nullable Object value);

	/** The one result matching all conditions, as {@link #get()}. */
	T get(Q... conditions);

	/** How many results there are. */
	long count();

	/** Whether there is any result. */
	boolean exists();

	/**
	 * Aggregates over the results in one command, keyed as Django keys them ({@code rating__avg}) or by
	 * {@code as(...)}. On no results Count gives 0 and the others null.
	 */
	Map<String, @Nullable Object> aggregate(Aggregate... aggregates);

	/** The results whose id is among the given ones, keyed by id; nothing is sent for no ids. */
	<K> Map<K, T> inBulk(Collection<K> ids);

	/**
	 * Spring Data's page of the results: one command for its content, and one count when the content does not tell
	 * the total (as Spring Data's repositories count). The Pageable's sort orders the results (as Django orderings:
	 * {@code author.name} descending is {@code -author__name}); without one, the ordering in force, else the primary
	 * key, so that pages never overlap. An unpaged Pageable lists every result in one command.
	 */
	Page<T> page(Pageable pageable);

	// ---- writes

	/**
	 * Sets a field on every matching document, validated first; returns how many documents matched (not how many
	 * changed), as Django does. The value may be an {@link F} expression.
	 */
	long update(String field, @Nullable Object value);

	/** Sets several fields on every matching document, as {@link #update(String, Object)}. */
	long update(Map<String, ?> values);

	/** Deletes every matching document; returns the counts per model. */
	DeleteResult delete();

	/** The model this QuerySet queries. */
	Class<?> model();

	/**
	 * Django's {@code ordered}: whether the results come in a defined order, by an {@link #orderBy} or the model's
	 * default ordering.
	 */
	boolean isOrdered();

	/**
	 * The command that listing this QuerySet sends, as MongoDB's own document ({@code find} or {@code aggregate}),
	 * without sending it: Django's {@code str(qs.query)}, for debugging and tests. It is rendered from the very
	 * values the driver call is made of, so it is what is sent, key for key, less what the driver adds to every
	 * command ({@code $db}, {@code lsid}, {@code cursor}). Null when the result is known to be empty and nothing
	 * would be sent.
	 * <p>
	 * The other evaluations send commands of the same compiled query, each logged on {@code djongo.query} at DEBUG
	 * as it is sent:
	 * <ul>
	 * <li>{@code first()}, {@code last()}, {@code get()}: the command of this QuerySet sliced to one result (ordered
	 * by {@code pk} when unordered, reversed for {@code last()}), and to 21 for {@code get()};</li>
	 * <li>{@code count()}: an {@code aggregate} of the listing's stages without sort and projection (for a find: a
	 * {@code $match} of its filter, {@code $skip}, {@code $limit}), then {@code {$group: {_id: null, n: {$sum: 1}}}};</li>
	 * <li>{@code exists()}: the listing without sort, limited to one document and projected on {@code _id};</li>
	 * <li>{@code aggregate(...)}: an {@code aggregate} of the listing's stages (sorted only when sliced), then one
	 * {@code $group} and one {@code $project};</li>
	 * <li>{@code update(...)}, {@code delete()}: one {@code update} or {@code delete} by the find's filter; when the
	 * listing is an {@code aggregate}, that aggregate projected on {@code _id} first, then the write by
	 * {@code {_id: {$in: [...]}}}. A delete of a model that relations point at applies their {@code on_delete}
	 * rules with commands of their own.</li>
	 * </ul>
	 */
	@Nullable Document command();

}
