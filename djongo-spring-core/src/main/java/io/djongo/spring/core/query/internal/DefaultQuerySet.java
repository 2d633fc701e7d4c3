package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.DoesNotExistException;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.MultipleObjectsReturnedException;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.aggregate.Aggregate;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.PersistentEntity;

/**
 * The QuerySet implementation: an immutable {@link QueryState} plus the cache of its one evaluation.
 */
final class DefaultQuerySet<T> implements QuerySet<T> {

	/** Django's {@code MAX_GET_RESULTS}: how many documents {@code get()} fetches to report a count. */
	static final int MAX_GET_RESULTS = 21;

	private final QueryEngine engine;

	private final QueryState state;

	/** The plan of the state when a chain call already compiled it, so that evaluation does not compile it again. */
	private final @Nullable QueryPlan plan;

	private volatile @Nullable List<T> cache;

	DefaultQuerySet(QueryEngine engine, QueryState state) {
		this(engine, state, null);
	}

	private DefaultQuerySet(QueryEngine engine, QueryState state, @Nullable QueryPlan plan) {
		this.engine = engine;
		this.state = state;
		this.plan = plan;
	}

	private <R> DefaultQuerySet<R> with(QueryState next) {
		return new DefaultQuerySet<>(this.engine, next);
	}

	/** A QuerySet of the next state, compiled now: a bad lookup fails where it is written. */
	private <R> DefaultQuerySet<R> compiled(QueryState next) {
		return new DefaultQuerySet<>(this.engine, next, this.engine.plan(next));
	}

	private QueryPlan plan() {
		QueryPlan compiled = this.plan;
		return (compiled != null) ? compiled : this.engine.plan(this.state);
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

	private QuerySet<T> where(Q condition, boolean exclude) {
		requireUnsliced("filter");
		return compiled(this.state.withStep(new QueryState.Where(condition, exclude)));
	}

	@Override
	public QuerySet<T> orderBy(String... fields) {
		requireUnsliced("reorder");
		return compiled(this.state.withOrdering(Arrays.asList(fields)));
	}

	@Override
	public QuerySet<T> reverse() {
		requireUnsliced("reverse");
		return with(this.state.withReversed());
	}

	@Override
	public QuerySet<T> slice(int from, int to) {
		if (from < 0 || to < 0) {
			throw new InvalidDataAccessApiUsageException("Negative indexing is not supported.");
		}
		long size = Math.max(0, to - from);
		Long limit = this.state.limit();
		long newLimit = (limit != null) ? Math.max(0, Math.min(size, limit - from)) : size;
		return sliced(this.state.offset() + from, newLimit);
	}

	@Override
	public QuerySet<T> slice(int from) {
		if (from < 0) {
			throw new InvalidDataAccessApiUsageException("Negative indexing is not supported.");
		}
		Long limit = this.state.limit();
		return sliced(this.state.offset() + from, (limit != null) ? Math.max(0, limit - from) : null);
	}

	/** The slice of a compiled QuerySet is compiled too: only its skip and limit differ. */
	private QuerySet<T> sliced(long offset, @Nullable Long limit) {
		QueryPlan compiled = this.plan;
		return new DefaultQuerySet<>(this.engine, this.state.withSlice(offset, limit),
				(compiled != null) ? compiled.withLimit(offset, limit) : null);
	}

	@Override
	public QuerySet<T> distinct() {
		return with(this.state.withDistinct());
	}

	@Override
	public QuerySet<Map<String, @Nullable Object>> values(String... fields) {
		return projected(new QueryState.Values(List.of(fields), QueryState.Values.Shape.MAP, null));
	}

	@Override
	public QuerySet<List<@Nullable Object>> valuesList(String... fields) {
		return projected(new QueryState.Values(List.of(fields), QueryState.Values.Shape.LIST, null));
	}

	@Override
	public <V> QuerySet<V> valuesList(String field, Class<V> type) {
		return projected(new QueryState.Values(List.of(field), QueryState.Values.Shape.FLAT, type));
	}

	private <R> QuerySet<R> projected(QueryState.Values values) {
		QueryState next = this.state.withProjection(values);
		QueryPlan plan = this.engine.plan(next);
		for (String field : values.fields()) {
			this.engine.planner().target(field, plan.scope(), "select values of");
		}
		return with(next);
	}

	@Override
	public QuerySet<T> only(String... fields) {
		QueryState next = this.state.withLoading(List.of(fields), List.of());
		checkFields(fields, "load only");
		return with(next);
	}

	@Override
	public QuerySet<T> defer(String... fields) {
		checkFields(fields, "defer");
		List<String> deferred = new ArrayList<>(this.state.defer());
		deferred.addAll(List.of(fields));
		return with(this.state.withLoading(List.of(), deferred));
	}

	private void checkFields(String[] fields, String purpose) {
		QueryPlan plan = plan();
		for (String field : fields) {
			this.engine.planner().storedPath(field, plan.scope(), purpose);
		}
	}

	@Override
	public QuerySet<T> selectRelated(String... relations) {
		List<String> next = new ArrayList<>(this.state.selectRelated());
		for (String relation : relations) {
			if (!next.contains(relation)) {
				next.add(relation);
			}
		}
		return compiled(this.state.withRelated(next, this.state.prefetchRelated()));
	}

	@Override
	public QuerySet<T> prefetchRelated(String... relations) {
		List<String> next = new ArrayList<>(this.state.prefetchRelated());
		for (String relation : relations) {
			this.engine.prefetcher().plan(this.state.model(), relation);
			if (!next.contains(relation)) {
				next.add(relation);
			}
		}
		return with(this.state.withRelated(this.state.selectRelated(), next));
	}

	@Override
	public QuerySet<T> annotate(String name, Expression expression) {
		if (name.contains(ModelRegistry.SEPARATOR) || name.isEmpty() || name.startsWith("$") || name.contains(".")) {
			throw new FieldError("Invalid annotation name '" + name + "' on " + this.state.model().name()
					+ ": use a plain identifier without '__', '.' or a leading '$'");
		}
		if (this.state.model().field(name) != null || name.equals(ModelRegistry.PK)) {
			throw new FieldError("The annotation '" + name + "' conflicts with a field on the model "
					+ this.state.model().name() + ".");
		}
		return compiled(this.state.withStep(new QueryState.Annotate(name, expression)));
	}

	@Override
	public QuerySet<T> none() {
		return with(this.state.withNone());
	}

	@Override
	public QuerySet<T> all() {
		return new DefaultQuerySet<>(this.engine, this.state, this.plan);
	}

	// ---- evaluation

	@Override
	public List<T> list() {
		List<T> result = this.cache;
		if (result == null) {
			List<T> fetched = this.engine.fetch(this.state, plan());
			result = java.util.Collections.unmodifiableList(fetched);
			this.cache = result;
		}
		return result;
	}

	@Override
	public Optional<T> first() {
		List<T> cached = this.cache;
		if (cached != null) {
			return isOrdered() ? cached.stream().findFirst() : byId(cached, false);
		}
		return one(isOrdered() ? this.state : this.state.withOrdering(List.of(ModelRegistry.PK)));
	}

	@Override
	public Optional<T> last() {
		if (this.state.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot reverse a query once a slice has been taken.");
		}
		List<T> cached = this.cache;
		if (cached != null) {
			return isOrdered() ? (cached.isEmpty() ? Optional.empty() : Optional.of(cached.get(cached.size() - 1)))
					: byId(cached, true);
		}
		QueryState ordered = isOrdered() ? this.state : this.state.withOrdering(List.of(ModelRegistry.PK));
		return one(ordered.withReversed());
	}

	private Optional<T> one(QueryState ordered) {
		Long limit = ordered.limit();
		QueryState first = ordered.withSlice(ordered.offset(), (limit != null) ? Math.min(1, limit) : 1L);
		List<T> result = this.engine.fetch(first, this.engine.plan(first));
		return result.stream().findFirst();
	}

	private boolean isOrdered() {
		return !this.state.effectiveOrdering().isEmpty();
	}

	/** First or last by id of already fetched models, as Django orders an unordered QuerySet by pk. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Optional<T> byId(List<T> cached, boolean last) {
		if (cached.isEmpty()) {
			return Optional.empty();
		}
		if (!(this.state.projection() instanceof QueryState.Entities)) {
			return Optional.of(last ? cached.get(cached.size() - 1) : cached.get(0));
		}
		PersistentEntity<?, ?> entity = this.state.model().entity();
		Comparator<T> byId = Comparator.comparing(
				(T model) -> (Comparable) entity.getIdentifierAccessor(model).getIdentifier(),
				Comparator.nullsFirst(Comparator.naturalOrder()));
		return Optional.of(last ? java.util.Collections.max(cached, byId) : java.util.Collections.min(cached, byId));
	}

	@Override
	public T get() {
		QueryState limited = this.state.withSlice(this.state.offset(),
				(this.state.limit() != null) ? Math.min(this.state.limit(), MAX_GET_RESULTS) : MAX_GET_RESULTS);
		List<T> found = this.engine.fetch(limited, this.engine.plan(limited));
		if (found.isEmpty()) {
			throw new DoesNotExistException(this.state.model().type());
		}
		if (found.size() > 1) {
			throw new MultipleObjectsReturnedException(this.state.model().type(), found.size(), MAX_GET_RESULTS);
		}
		return found.get(0);
	}

	@Override
	public T get(String lookup, @Nullable Object value) {
		return ((DefaultQuerySet<T>) filter(lookup, value)).get();
	}

	@Override
	public T get(Q... conditions) {
		return ((DefaultQuerySet<T>) filter(conditions)).get();
	}

	@Override
	public long count() {
		List<T> cached = this.cache;
		if (cached != null) {
			return cached.size();
		}
		return this.engine.count(this.state, plan());
	}

	@Override
	public boolean exists() {
		List<T> cached = this.cache;
		if (cached != null) {
			return !cached.isEmpty();
		}
		return this.engine.exists(this.state, plan());
	}

	@Override
	public Map<String, @Nullable Object> aggregate(Aggregate... aggregates) {
		if (aggregates.length == 0) {
			throw new InvalidDataAccessApiUsageException("aggregate() needs at least one aggregate");
		}
		return this.engine.aggregate(this.state, plan(), List.of(aggregates));
	}

	@Override
	public <K> Map<K, T> inBulk(Collection<K> ids) {
		if (!(this.state.projection() instanceof QueryState.Entities)) {
			throw new InvalidDataAccessApiUsageException("in_bulk() cannot be used with values() or values_list()");
		}
		if (this.state.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot use 'limit' or 'offset' with in_bulk().");
		}
		Map<K, T> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		DefaultQuerySet<T> matching = (DefaultQuerySet<T>) filter(ModelRegistry.PK + "__in", ids);
		PersistentEntity<?, ?> entity = this.state.model().entity();
		Map<Object, T> byId = new LinkedHashMap<>();
		for (T model : matching.list()) {
			byId.put(entity.getIdentifierAccessor(model).getIdentifier(), model);
		}
		for (K id : ids) {
			T model = byId.get(id);
			if (model == null && id != null) {
				Object converted = this.engine.coercion().toJava(id, this.state.model().requiredId().type(),
						this.engine.zone(), () -> this.state.model().name() + ".pk");
				model = byId.get(converted);
			}
			if (model != null) {
				result.put(id, model);
			}
		}
		return result;
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
		requireUnsliced("update");
		return new QueryWrites(this.engine).update(this.state, values);
	}

	@Override
	public DeleteResult delete() {
		if (this.state.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot use 'limit' or 'offset' with delete().");
		}
		return new QueryWrites(this.engine).delete(this.state);
	}

	@Override
	public Class<?> model() {
		return this.state.model().type();
	}

	@Override
	public org.bson.@Nullable Document command() {
		return this.engine.command(this.state, plan());
	}

	private void requireUnsliced(String what) {
		if (this.state.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot " + what + " a query once a slice has been taken.");
		}
	}

	QueryState state() {
		return this.state;
	}

	@Override
	public String toString() {
		List<T> cached = this.cache;
		return "<QuerySet " + this.state.model().name() + ((cached != null) ? " " + cached : " (not evaluated)") + ">";
	}

}
