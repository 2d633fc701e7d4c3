package io.djongo.spring.core.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.mongodb.ReadPreference;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.util.CloseableIterator;

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

	/** Django's default {@code chunk_size} of {@code iterator()}: documents read per batch by {@link #stream()}. */
	int DEFAULT_CHUNK_SIZE = 2000;

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
	 * Keeps the documents for which a boolean expression is true: Django's {@code filter(Exists(...))}
	 * ({@code filter(Exists.of(comments.filter("post", OuterRef.of("pk"))))}).
	 */
	default QuerySet<T> filter(Expression condition) {
		return filter(Q.of(condition));
	}

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

	/** Removes the documents for which a boolean expression is true: Django's {@code exclude(Exists(...))}. */
	default QuerySet<T> exclude(Expression condition) {
		return exclude(Q.of(condition));
	}

	/**
	 * Orders by fields; {@code -} sorts descending, {@code ?} randomly. Replaces any earlier ordering, and no
	 * argument removes ordering, the model's default included. Nulls sort first ascending, as MongoDB sorts them.
	 */
	QuerySet<T> orderBy(String... fields);

	/**
	 * Orders by field names ({@code "-rating"}), expressions ({@code Lower.of("title")}, ascending) and their
	 * {@code asc()}/{@code desc()}, with nulls placed as asked ({@code F.of("rating").desc().nullsLast()}). Replaces
	 * any earlier ordering. Expressions and nulls placement are computed in the pipeline ({@code $addFields}) before
	 * the sort.
	 */
	QuerySet<T> orderBy(Object... ordering);

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

	/**
	 * This QuerySet, read with another read preference than its model's ({@code @Model(readPreference)}) or the
	 * client's: {@code using(ReadPreference.secondaryPreferred())} sends its reads to a secondary when one is there.
	 * Chained calls keep it; writes ({@code update}, {@code delete}) always go to the primary.
	 */
	QuerySet<T> using(ReadPreference readPreference);

	/**
	 * Django's {@code alias()}: an expression usable in later {@code filter}, {@code exclude}, {@code orderBy} and
	 * {@code annotate} calls by its name, but not returned (nor set on models, nor selectable in {@code values}).
	 */
	QuerySet<T> alias(String name, Expression expression);

	/** An empty QuerySet that never asks the server. */
	QuerySet<T> none();

	/**
	 * Keeps the documents matching a full-text search of the model's text index ({@code @TextIndexed} fields):
	 * MongoDB's {@code $text} with the index's language, words matched by their stem, {@code "a phrase"} in double
	 * quotes and {@code -word} to exclude, as MongoDB reads them. The text is always one literal search string, never
	 * an operator. One search per QuerySet; read the relevance with {@code annotate("score", TextScore.of())}. Needs a
	 * real MongoDB.
	 */
	QuerySet<T> search(String text);

	/** A fresh, unevaluated copy. */
	QuerySet<T> all();

	// ---- evaluation

	/** Evaluates the QuerySet; the list is cached on this instance. */
	List<T> list();

	/**
	 * The results read from a server cursor, 2,000 documents a batch, without caching them: Django's
	 * {@code iterator()} as a stream (a QuerySet already evaluated streams its cache). Close it (try-with-resources)
	 * when it is not read to its end.
	 */
	default Stream<T> stream() {
		return iterator(DEFAULT_CHUNK_SIZE).stream();
	}

	/**
	 * Django's {@code iterator(chunk_size)}: the results read from a server cursor in batches of {@code chunkSize}
	 * documents, in constant memory: nothing is cached, and evaluating again asks the server again. Relations of
	 * {@link #prefetchRelated} are fetched once per batch. Close it when it is not read to its end.
	 */
	CloseableIterator<T> iterator(int chunkSize);

	/**
	 * Follows a capped collection ({@code @Model(capped = true)}) as {@code tail -f} follows a file: the matching
	 * documents already there, then each new one as it is inserted, in insertion order; the stream blocks while it
	 * waits. One {@code listCollections} checks the collection is capped, then one {@code find} with a tailable,
	 * await-data cursor (its {@code tailable} and {@code awaitData} options) and {@code getMore}s, each waiting up to
	 * the server's default of one second. Closing the stream (try-with-resources) kills the cursor; a thread
	 * interrupted while waiting ends the stream, its interrupt flag kept. An ordering, a slice, and anything that
	 * needs an aggregate are refused. Needs a real MongoDB (the embedded server has no capped collections).
	 * @throws org.springframework.dao.InvalidDataAccessApiUsageException when the collection is not capped, or the
	 * QuerySet cannot be tailed
	 */
	Stream<T> tail();

	/**
	 * {@link #tail()}, each {@code getMore} waiting up to {@code maxAwait} for new documents (its
	 * {@code maxTimeMS}): how soon an interrupt is noticed at worst.
	 */
	Stream<T> tail(Duration maxAwait);

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

	/**
	 * Aggregates as {@link #aggregate(Aggregate...)}, over expressions made of aggregates
	 * ({@code Sum.of("views").div(Count.of("id")).as("perPost")}, which need an alias) and aggregates of expressions
	 * ({@code Sum.of(F.of("views").times(2))}).
	 */
	Map<String, @Nullable Object> aggregate(Expression... aggregates);

	/**
	 * Django's {@code dates(field, kind)}: the distinct days of a date or date-time field truncated to
	 * {@code year}, {@code month}, {@code week} or {@code day} (in the configured zone), ascending, nulls left out.
	 */
	default QuerySet<LocalDate> dates(String field, String kind) {
		return dates(field, kind, "ASC");
	}

	/** {@link #dates(String, String)} in the order {@code "ASC"} or {@code "DESC"}. */
	QuerySet<LocalDate> dates(String field, String kind, String order);

	/**
	 * Django's {@code datetimes(field, kind)}: the distinct instants of a date-time field truncated to {@code year},
	 * {@code month}, {@code week}, {@code day}, {@code hour}, {@code minute} or {@code second} (in the configured
	 * zone), ascending, nulls left out. A {@code LocalDateTime} field's values are read as instants in UTC, as they
	 * are stored.
	 */
	default QuerySet<Instant> datetimes(String field, String kind) {
		return datetimes(field, kind, "ASC");
	}

	/** {@link #datetimes(String, String)} in the order {@code "ASC"} or {@code "DESC"}. */
	QuerySet<Instant> datetimes(String field, String kind, String order);

	/** The results whose id is among the given ones, keyed by id; nothing is sent for no ids. */
	<K> Map<K, T> inBulk(Collection<K> ids);

	/**
	 * Django's {@code in_bulk(values, field_name=field)}: the results whose field is among the given values, keyed by
	 * value. The field must be unique (the id, a unique index of its own), as Django checks.
	 */
	<K> Map<K, T> inBulk(Collection<K> values, String field);

	/**
	 * Spring Data's page of the results: one command for its content, and one count when the content does not tell
	 * the total (as Spring Data's repositories count). The Pageable's sort orders the results (as Django orderings:
	 * {@code author.name} descending is {@code -author__name}); without one, the ordering in force, else the primary
	 * key, so that pages never overlap. An unpaged Pageable lists every result in one command.
	 */
	Page<T> page(Pageable pageable);

	/**
	 * The first result by the given fields ({@code -} descending), else by the model's
	 * {@code @Model(getLatestBy)}: Django's {@code earliest()}.
	 * @throws DoesNotExistException when there is none
	 */
	T earliest(String... fields);

	/** The last result by the given fields, else by {@code @Model(getLatestBy)}: Django's {@code latest()}. */
	T latest(String... fields);

	/**
	 * Whether a model instance is among the results: one {@code exists()} by its id, or a look in the cache of an
	 * evaluated QuerySet. A model of another class is never contained.
	 */
	boolean contains(Object model);

	/**
	 * The server's plan for this QuerySet's listing: MongoDB's {@code explain} of the {@link #command()}, verbosity
	 * {@code queryPlanner}. Needs a real MongoDB (the embedded server has no {@code explain}).
	 */
	Document explain();

	// ---- combining QuerySets of one model (Django's union, intersection, difference)

	/**
	 * The results of this QuerySet or any of the others, each once (SQL's {@code UNION}). Afterwards only ordering,
	 * slicing, {@code values}, and evaluation are allowed, as in Django; the model's default ordering applies.
	 */
	QuerySet<T> union(QuerySet<?>... others);

	/** The results of this QuerySet and of the others, repeated where several match ({@code UNION ALL}). */
	QuerySet<T> unionAll(QuerySet<?>... others);

	/** The results of this QuerySet that every other one has too ({@code INTERSECT}). */
	QuerySet<T> intersection(QuerySet<?>... others);

	/** The results of this QuerySet that none of the others has ({@code EXCEPT}). */
	QuerySet<T> difference(QuerySet<?>... others);

	// ---- creating

	/**
	 * Django's {@code create(**kwargs)}: a new model with these field values ({@code pk} names the id), inserted as
	 * {@code insert} inserts it: validated, its auto-increment id assigned, callbacks run. Filters do not apply.
	 */
	T create(Map<String, ?> values);

	/** Django's {@code get_or_create(**lookups)}: {@link #getOrCreate(Map, Map)} without defaults. */
	CreateResult<T> getOrCreate(Map<String, ?> lookups);

	/**
	 * Django's {@code get_or_create(defaults, **lookups)}: the one result matching the lookups (and this QuerySet's
	 * filters), else a new model of the lookups without {@code __} and the defaults (a {@code Supplier} default is
	 * called only then). When the lookups are equalities on the fields of a unique index and the QuerySet has no
	 * filters, it is one {@code findAndModify} upsert with {@code $setOnInsert}, race-free; otherwise Django's
	 * {@code get}, then an insert, then a {@code get} again when a unique index refused the insert.
	 * @throws MultipleObjectsReturnedException when several match
	 */
	CreateResult<T> getOrCreate(Map<String, ?> lookups, Map<String, ?> defaults);

	/**
	 * Django's {@code update_or_create(defaults, **lookups)}: the one result matching the lookups, updated with the
	 * defaults (validated as {@link #update(Map)} validates), else created as {@link #getOrCreate(Map, Map)} creates
	 * it; race-free in one {@code findAndModify} ({@code $set} the defaults, {@code $setOnInsert} the rest) on the
	 * same conditions.
	 */
	CreateResult<T> updateOrCreate(Map<String, ?> lookups, Map<String, ?> defaults);

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
	 * <li>{@code iterator(n)}, {@code stream()}: this command with a batch size ({@code n}, 2,000), then
	 * {@code getMore}s; {@code earliest}/{@code latest}: the listing ordered by their fields, sliced to one;
	 * {@code contains}: the {@code exists()} of {@code filter("pk", id)}; {@code explain()}:
	 * {@code {explain: <this command>, verbosity: "queryPlanner"}};
	 * {@code getOrCreate}/{@code updateOrCreate} on their race-free path: one {@code findAndModify} upsert;
	 * {@code tail()}: one {@code listCollections}, then this {@code find} with {@code tailable: true, awaitData: true}
	 * (refused when it has a sort, a slice or is an {@code aggregate}), then {@code getMore}s.</li>
	 * </ul>
	 */
	@Nullable Document command();

}
