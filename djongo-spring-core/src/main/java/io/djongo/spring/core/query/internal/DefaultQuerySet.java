package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.mongodb.ReadPreference;
import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.CreateResult;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.DoesNotExistException;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.MultipleObjectsReturnedException;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.functions.Trunc;
import io.djongo.spring.core.query.functions.TruncDate;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.util.CloseableIterator;

/**
 * The QuerySet implementation: a compiled {@link QueryPlan} plus the cache of its one evaluation. Each chain call
 * asks the compiler to extend the plan with that call only.
 */
final class DefaultQuerySet<T> implements QuerySet<T> {

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

	private QueryCompiler compiler() {
		return this.plan.compiler();
	}

	// ---- chaining

	@Override
	public QuerySet<T> filter(String lookup, @Nullable Object value) {
		return where(Q.of(lookup, value), false);
	}

	@Override
	public QuerySet<T> filter(String lookup, @Nullable Object value, @Nullable Object... more) {
		return where(Q.of(lookup, value, more), false);
	}

	@Override
	public QuerySet<T> filter(Map<String, ?> lookups) {
		return where(Q.of(lookups), false);
	}

	@Override
	public QuerySet<T> filter(Q... conditions) {
		return where(Q.and(conditions), false);
	}

	@Override
	public QuerySet<T> exclude(String lookup, @Nullable Object value) {
		return where(Q.of(lookup, value), true);
	}

	@Override
	public QuerySet<T> exclude(String lookup, @Nullable Object value, @Nullable Object... more) {
		return where(Q.of(lookup, value, more), true);
	}

	@Override
	public QuerySet<T> exclude(Map<String, ?> lookups) {
		return where(Q.of(lookups), true);
	}

	@Override
	public QuerySet<T> exclude(Q... conditions) {
		return where(Q.and(conditions), true);
	}

	@Override
	public QuerySet<T> search(String text) {
		requireUncombined("search");
		requireUnsliced("search");
		return with(compiler().search(this.plan, text));
	}

	private QuerySet<T> where(Q condition, boolean exclude) {
		requireUncombined(exclude ? "exclude" : "filter");
		requireUnsliced("filter");
		return with(compiler().filter(this.plan, condition, exclude));
	}

	@Override
	public QuerySet<T> orderBy(String... fields) {
		requireUnsliced("reorder");
		return with(compiler().orderBy(this.plan, Arrays.asList(fields)));
	}

	@Override
	public QuerySet<T> orderBy(Object... ordering) {
		requireUnsliced("reorder");
		return with(compiler().orderBy(this.plan, Arrays.asList(ordering)));
	}

	@Override
	public QuerySet<T> reverse() {
		requireUnsliced("reverse");
		return with(this.plan.reversed());
	}

	@Override
	public QuerySet<T> slice(int from, int to) {
		if (from < 0 || to < 0) {
			throw new InvalidDataAccessApiUsageException("Negative indexing is not supported.");
		}
		long size = Math.max(0, to - from);
		Long limit = this.plan.limit();
		long newLimit = (limit != null) ? Math.max(0, Math.min(size, limit - from)) : size;
		return with(this.plan.withSlice(this.plan.offset() + from, newLimit));
	}

	@Override
	public QuerySet<T> slice(int from) {
		if (from < 0) {
			throw new InvalidDataAccessApiUsageException("Negative indexing is not supported.");
		}
		Long limit = this.plan.limit();
		return with(this.plan.withSlice(this.plan.offset() + from, (limit != null) ? Math.max(0, limit - from) : null));
	}

	@Override
	public QuerySet<T> distinct() {
		requireUncombined("distinct");
		return with(this.plan.withDistinct());
	}

	@Override
	public QuerySet<Map<String, @Nullable Object>> values(String... fields) {
		return with(values(List.of(fields), Projection.Values.Shape.MAP, null));
	}

	@Override
	public QuerySet<List<@Nullable Object>> valuesList(String... fields) {
		return with(values(List.of(fields), Projection.Values.Shape.LIST, null));
	}

	@Override
	public <V> QuerySet<V> valuesList(String field, Class<V> type) {
		return with(values(List.of(field), Projection.Values.Shape.FLAT, type));
	}

	private QueryPlan values(List<String> fields, Projection.Values.Shape shape, @Nullable Class<?> flatType) {
		QueryPlan next = compiler().values(this.plan, fields, shape, flatType);
		Combination combination = this.plan.combination();
		if (combination != null) {
			Combinations.requireIdentity(next, combination.kind(), (Projection.Values) next.projection());
		}
		return next;
	}

	@Override
	public QuerySet<T> only(String... fields) {
		requireUncombined("only");
		return with(compiler().only(this.plan, List.of(fields)));
	}

	@Override
	public QuerySet<T> defer(String... fields) {
		requireUncombined("defer");
		return with(compiler().defer(this.plan, List.of(fields)));
	}

	@Override
	public QuerySet<T> selectRelated(String... relations) {
		requireUncombined("selectRelated");
		return with(compiler().selectRelated(this.plan, List.of(relations)));
	}

	@Override
	public QuerySet<T> prefetchRelated(String... relations) {
		requireUncombined("prefetchRelated");
		return with(compiler().prefetchRelated(this.plan, List.of(relations)));
	}

	@Override
	public QuerySet<T> annotate(String name, Expression expression) {
		requireUncombined("annotate");
		return with(compiler().annotate(this.plan, name, expression, false));
	}

	@Override
	public QuerySet<T> alias(String name, Expression expression) {
		requireUncombined("alias");
		return with(compiler().annotate(this.plan, name, expression, true));
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
		List<T> cached = this.cache;
		if (cached != null) {
			return this.plan.isOrdered() ? cached.stream().findFirst() : byId(cached, false);
		}
		return one(this.plan.isOrdered() ? this.plan : compiler().orderBy(this.plan, List.of(PathResolver.PK)));
	}

	@Override
	public Optional<T> last() {
		if (this.plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot reverse a query once a slice has been taken.");
		}
		List<T> cached = this.cache;
		if (cached != null) {
			return this.plan.isOrdered()
					? (cached.isEmpty() ? Optional.empty() : Optional.of(cached.get(cached.size() - 1)))
					: byId(cached, true);
		}
		QueryPlan ordered = this.plan.isOrdered() ? this.plan : compiler().orderBy(this.plan, List.of(PathResolver.PK));
		return one(ordered.reversed());
	}

	private Optional<T> one(QueryPlan ordered) {
		Long limit = ordered.limit();
		List<T> result = this.engine.list(ordered.withSlice(ordered.offset(), (limit != null) ? Math.min(1, limit) : 1L));
		return result.stream().findFirst();
	}

	/** First or last by id of already fetched models, as Django orders an unordered QuerySet by pk. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Optional<T> byId(List<T> cached, boolean last) {
		if (cached.isEmpty()) {
			return Optional.empty();
		}
		if (!(this.plan.projection() instanceof Projection.Entities)) {
			return Optional.of(last ? cached.get(cached.size() - 1) : cached.get(0));
		}
		PersistentEntity<?, ?> entity = this.plan.model().entity();
		Comparator<T> byId = Comparator.comparing(
				(T model) -> (Comparable) entity.getIdentifierAccessor(model).getIdentifier(),
				Comparator.nullsFirst(Comparator.naturalOrder()));
		return Optional.of(last ? Collections.max(cached, byId) : Collections.min(cached, byId));
	}

	@Override
	public T get() {
		Long limit = this.plan.limit();
		int max = QueryCompiler.MAX_GET_RESULTS;
		List<T> found = this.engine.list(
				this.plan.withSlice(this.plan.offset(), (limit != null) ? Math.min(limit, max) : max));
		if (found.isEmpty()) {
			throw new DoesNotExistException(this.plan.model().type());
		}
		if (found.size() > 1) {
			throw new MultipleObjectsReturnedException(this.plan.model().type(), found.size(), max);
		}
		return found.get(0);
	}

	@Override
	public T get(String lookup, @Nullable Object value) {
		requireUnfilteredGet();
		return ((DefaultQuerySet<T>) filter(lookup, value)).get();
	}

	@Override
	public T get(Q... conditions) {
		requireUnfilteredGet();
		return ((DefaultQuerySet<T>) filter(conditions)).get();
	}

	@Override
	public long count() {
		List<T> cached = this.cache;
		if (cached != null) {
			return cached.size();
		}
		return this.engine.count(this.plan);
	}

	@Override
	public boolean exists() {
		List<T> cached = this.cache;
		if (cached != null) {
			return !cached.isEmpty();
		}
		return this.engine.exists(this.plan);
	}

	@Override
	public Map<String, @Nullable Object> aggregate(Aggregate... aggregates) {
		return aggregate((Expression[]) aggregates);
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
		if (!List.of("year", "month", "week", "day").contains(kind)) {
			throw new InvalidDataAccessApiUsageException("'kind' must be one of 'year', 'month', 'week', or 'day'.");
		}
		return truncatedValues(field, TruncDate.of(Trunc.of(field, kind)), order, LocalDate.class);
	}

	@Override
	public QuerySet<Instant> datetimes(String field, String kind, String order) {
		if (!List.of("year", "month", "week", "day", "hour", "minute", "second").contains(kind)) {
			throw new InvalidDataAccessApiUsageException(
					"'kind' must be one of 'year', 'month', 'week', 'day', 'hour', 'minute', or 'second'.");
		}
		return truncatedValues(field, Trunc.of(field, kind), order, Instant.class);
	}

	/**
	 * Django's {@code dates()} and {@code datetimes()}: the distinct truncated values of the field, ordered by them,
	 * nulls left out.
	 */
	private <V> QuerySet<V> truncatedValues(String field, Expression truncated, String order, Class<V> type) {
		if (!order.equals("ASC") && !order.equals("DESC")) {
			throw new InvalidDataAccessApiUsageException("'order' must be either 'ASC' or 'DESC'.");
		}
		String name = "djongoTruncated";
		return annotate(name, truncated).filter(field + "__isnull", false)
			.valuesList(name, type)
			.distinct()
			.orderBy((order.equals("DESC") ? "-" : "") + name);
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
		return earliest(fields, false);
	}

	@Override
	public T latest(String... fields) {
		return earliest(fields, true);
	}

	private T earliest(String[] fields, boolean latest) {
		return Evaluations.earliest(this, fields, latest);
	}

	@Override
	public boolean contains(Object model) {
		requireUncombined("contains");
		return Evaluations.contains(this, model);
	}

	@Override
	public Document explain() {
		return this.engine.explain(this.plan);
	}

	// ---- combining

	@Override
	public QuerySet<T> union(QuerySet<?>... others) {
		return combine(Combination.Kind.UNION, false, others);
	}

	@Override
	public QuerySet<T> unionAll(QuerySet<?>... others) {
		return combine(Combination.Kind.UNION, true, others);
	}

	@Override
	public QuerySet<T> intersection(QuerySet<?>... others) {
		return combine(Combination.Kind.INTERSECTION, false, others);
	}

	@Override
	public QuerySet<T> difference(QuerySet<?>... others) {
		return combine(Combination.Kind.DIFFERENCE, false, others);
	}

	private QuerySet<T> combine(Combination.Kind kind, boolean all, QuerySet<?>[] others) {
		List<QueryPlan> plans = new ArrayList<>();
		for (QuerySet<?> other : others) {
			plans.add(((DefaultQuerySet<?>) other).plan);
		}
		return with(Combinations.combine(this.plan, kind, all, plans));
	}

	// ---- creating

	@Override
	@SuppressWarnings("unchecked")
	public T create(Map<String, ?> values) {
		return (T) this.engine.creations().create(this.plan, values);
	}

	@Override
	public CreateResult<T> getOrCreate(Map<String, ?> lookups) {
		return getOrCreate(lookups, Map.of());
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
	public long update(String field, @Nullable Object value) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put(field, value);
		return update(values);
	}

	@Override
	public long update(Map<String, ?> values) {
		requireUncombined("update");
		requireUnsliced("update");
		return this.engine.update(this.plan, values);
	}

	@Override
	public DeleteResult delete() {
		requireUncombined("delete");
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

	private void requireUncombined(String operation) {
		Combination combination = this.plan.combination();
		if (combination != null) {
			throw new InvalidDataAccessApiUsageException(combination.notSupported(operation));
		}
	}

	private void requireUnfilteredGet() {
		Combination combination = this.plan.combination();
		if (combination != null) {
			throw new InvalidDataAccessApiUsageException("Calling QuerySet.get(...) with filters after "
					+ combination.kind().method() + "() is not supported.");
		}
	}

	private void requireUnsliced(String what) {
		if (this.plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot " + what + " a query once a slice has been taken.");
		}
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
