package io.djongo.spring.core.query.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.mongodb.ReadPreference;
import io.djongo.spring.core.query.CreateResult;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.util.CloseableIterator;

/**
 * The QuerySet implementation: a compiled {@link QueryPlan} plus the cache of its one evaluation. Each chain call
 * extends the plan with that call only ({@link ChainSteps}); the evaluations run the plan through the engine, or
 * read the cache ({@link SingleResults}, {@link Evaluations}); the overloads are {@link QuerySetOverloads}.
 */
final class DefaultQuerySet<T> implements QuerySetOverloads<T> {

	private final QueryEngine engine;

	private final QueryPlan plan;

	private volatile @Nullable List<T> cache;

	DefaultQuerySet(QueryEngine engine, QueryPlan plan) {
		this.engine = engine;
		this.plan = plan;
	}

	private <R> DefaultQuerySet<R> with(QueryPlan next) {
		return new DefaultQuerySet<>(this.engine, next);
	}

	@Override
	public QuerySet<T> using(ReadPreference readPreference) {
		return new DefaultQuerySet<>(this.engine.using(readPreference), this.plan);
	}

	// ---- chaining

	@Override
	public QuerySet<T> search(String text) {
		return with(ChainSteps.search(this.plan, text));
	}

	@Override
	public QuerySet<T> where(Q condition, boolean exclude) {
		return with(ChainSteps.where(this.plan, condition, exclude));
	}

	@Override
	public QuerySet<T> orderBy(String... fields) {
		return with(ChainSteps.orderBy(this.plan, Arrays.asList(fields)));
	}

	@Override
	public QuerySet<T> orderBy(Object... ordering) {
		return with(ChainSteps.orderBy(this.plan, Arrays.asList(ordering)));
	}

	@Override
	public QuerySet<T> reverse() {
		return with(ChainSteps.reverse(this.plan));
	}

	@Override
	public QuerySet<T> slice(int from, int to) {
		return with(ChainSteps.slice(this.plan, from, to));
	}

	@Override
	public QuerySet<T> slice(int from) {
		return with(ChainSteps.slice(this.plan, from));
	}

	@Override
	public QuerySet<T> distinct() {
		return with(ChainSteps.distinct(this.plan));
	}

	@Override
	public QuerySet<Map<String, @Nullable Object>> values(String... fields) {
		return with(ChainSteps.values(this.plan, List.of(fields), Projection.Values.Shape.MAP, null));
	}

	@Override
	public QuerySet<List<@Nullable Object>> valuesList(String... fields) {
		return with(ChainSteps.values(this.plan, List.of(fields), Projection.Values.Shape.LIST, null));
	}

	@Override
	public <V> QuerySet<V> valuesList(String field, Class<V> type) {
		return with(ChainSteps.values(this.plan, List.of(field), Projection.Values.Shape.FLAT, type));
	}

	@Override
	public QuerySet<T> only(String... fields) {
		return with(ChainSteps.only(this.plan, List.of(fields)));
	}

	@Override
	public QuerySet<T> defer(String... fields) {
		return with(ChainSteps.defer(this.plan, List.of(fields)));
	}

	@Override
	public QuerySet<T> selectRelated(String... relations) {
		return with(ChainSteps.selectRelated(this.plan, List.of(relations)));
	}

	@Override
	public QuerySet<T> prefetchRelated(String... relations) {
		return with(ChainSteps.prefetchRelated(this.plan, List.of(relations)));
	}

	@Override
	public QuerySet<T> annotate(String name, Expression expression) {
		return with(ChainSteps.annotate(this.plan, name, expression, false));
	}

	@Override
	public QuerySet<T> alias(String name, Expression expression) {
		return with(ChainSteps.annotate(this.plan, name, expression, true));
	}

	@Override
	public QuerySet<T> none() {
		return with(this.plan.withNone());
	}

	@Override
	public QuerySet<T> all() {
		return with(this.plan);
	}

	// ---- evaluation

	@Override
	public List<T> list() {
		List<T> result = this.cache;
		if (result == null) {
			List<T> fetched = this.engine.list(this.plan);
			result = Collections.unmodifiableList(fetched);
			this.cache = result;
		}
		return result;
	}

	@Override
	public Optional<T> first() {
		return SingleResults.first(this);
	}

	@Override
	public Optional<T> last() {
		return SingleResults.last(this);
	}

	@Override
	public T get() {
		return SingleResults.get(this);
	}

	@Override
	public T get(String lookup, @Nullable Object value) {
		ChainSteps.requireUnfilteredGet(this.plan);
		return ((DefaultQuerySet<T>) filter(lookup, value)).get();
	}

	@Override
	public T get(Q... conditions) {
		ChainSteps.requireUnfilteredGet(this.plan);
		return ((DefaultQuerySet<T>) filter(conditions)).get();
	}

	@Override
	public long count() {
		List<T> cached = this.cache;
		return (cached != null) ? cached.size() : this.engine.count(this.plan);
	}

	@Override
	public boolean exists() {
		List<T> cached = this.cache;
		return (cached != null) ? !cached.isEmpty() : this.engine.exists(this.plan);
	}

	@Override
	public Map<String, @Nullable Object> aggregate(Expression... aggregates) {
		if (aggregates.length == 0) {
			throw new InvalidDataAccessApiUsageException("aggregate() needs at least one aggregate");
		}
		return this.engine.aggregate(this.plan, List.of(aggregates));
	}

	@Override
	public QuerySet<LocalDate> dates(String field, String kind, String order) {
		return ChainSteps.dates(this, field, kind, order);
	}

	@Override
	public QuerySet<Instant> datetimes(String field, String kind, String order) {
		return ChainSteps.datetimes(this, field, kind, order);
	}

	@Override
	public <K> Map<K, T> inBulk(Collection<K> ids) {
		return Evaluations.inBulk(this, ids, this.plan.model().requiredId(), PathResolver.PK);
	}

	@Override
	public <K> Map<K, T> inBulk(Collection<K> values, String field) {
		return Evaluations.inBulk(this, values, Evaluations.uniqueField(this.engine, this.plan.model(), field), field);
	}

	@Override
	public CloseableIterator<T> iterator(int chunkSize) {
		return this.engine.iterate(this.plan, chunkSize);
	}

	@Override
	public Stream<T> stream() {
		List<T> cached = this.cache;
		return (cached != null) ? cached.stream() : iterator(DEFAULT_CHUNK_SIZE).stream();
	}

	@Override
	public Stream<T> tail() {
		return this.engine.tail(this.plan, null);
	}

	@Override
	public Stream<T> tail(Duration maxAwait) {
		return this.engine.tail(this.plan, maxAwait);
	}

	@Override
	public T earliest(String... fields) {
		return SingleResults.earliest(this, fields, false);
	}

	@Override
	public T latest(String... fields) {
		return SingleResults.earliest(this, fields, true);
	}

	@Override
	public boolean contains(Object model) {
		ChainSteps.requireUncombined(this.plan, "contains");
		return Evaluations.contains(this, model);
	}

	@Override
	public Document explain() {
		return this.engine.explain(this.plan);
	}

	// ---- combining

	@Override
	public QuerySet<T> combine(Combination.Kind kind, boolean all, QuerySet<?>[] others) {
		return with(ChainSteps.combine(this.plan, kind, all, others));
	}

	// ---- creating

	@Override
	@SuppressWarnings("unchecked")
	public T create(Map<String, ?> values) {
		return (T) this.engine.creations().create(this.plan, values);
	}

	@Override
	public CreateResult<T> getOrCreate(Map<String, ?> lookups, Map<String, ?> defaults) {
		return this.engine.creations().getOrCreate(this, lookups, defaults, false);
	}

	@Override
	public CreateResult<T> updateOrCreate(Map<String, ?> lookups, Map<String, ?> defaults) {
		return this.engine.creations().getOrCreate(this, lookups, defaults, true);
	}

	@Override
	public Page<T> page(Pageable pageable) {
		// an unordered QuerySet is paged by pk (a sliced one keeps the order its slice was taken in)
		return Paging.page(this, pageable, !this.plan.isOrdered() && !this.plan.isSliced());
	}

	// ---- writes

	@Override
	public long update(Map<String, ?> values) {
		ChainSteps.requireUncombined(this.plan, "update");
		ChainSteps.requireUnsliced(this.plan, "update");
		return this.engine.update(this.plan, values);
	}

	@Override
	public DeleteResult delete() {
		ChainSteps.requireUncombined(this.plan, "delete");
		if (this.plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot use 'limit' or 'offset' with delete().");
		}
		return this.engine.delete(this.plan);
	}

	@Override
	public Class<?> model() {
		return this.plan.model().type();
	}

	@Override
	public boolean isOrdered() {
		return this.plan.isOrdered();
	}

	@Override
	public @Nullable Document command() {
		Command.Read command = this.plan.listing().command();
		return (command != null) ? command.document() : null;
	}

	/** The cached results, null until evaluated. */
	@Nullable List<T> cached() {
		return this.cache;
	}

	/** The compiled plan, as the tests of the commands read it. */
	QueryPlan plan() {
		return this.plan;
	}

	QueryEngine engine() {
		return this.engine;
	}

	@Override
	public String toString() {
		List<T> cached = this.cache;
		return "<QuerySet " + this.plan.model().name() + ((cached != null) ? " " + cached : " (not evaluated)") + ">";
	}

}
