package io.djongo.spring.core.query.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.DoesNotExistException;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.MultipleObjectsReturnedException;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mapping.PersistentEntity;

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

	private QuerySet<T> where(Q condition, boolean exclude) {
		requireUnsliced("filter");
		return with(compiler().filter(this.plan, condition, exclude));
	}

	@Override
	public QuerySet<T> orderBy(String... fields) {
		requireUnsliced("reorder");
		return with(compiler().orderBy(this.plan, Arrays.asList(fields)));
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
		return with(this.plan.withDistinct());
	}

	@Override
	public QuerySet<Map<String, @Nullable Object>> values(String... fields) {
		return with(compiler().values(this.plan, List.of(fields), Projection.Values.Shape.MAP, null));
	}

	@Override
	public QuerySet<List<@Nullable Object>> valuesList(String... fields) {
		return with(compiler().values(this.plan, List.of(fields), Projection.Values.Shape.LIST, null));
	}

	@Override
	public <V> QuerySet<V> valuesList(String field, Class<V> type) {
		return with(compiler().values(this.plan, List.of(field), Projection.Values.Shape.FLAT, type));
	}

	@Override
	public QuerySet<T> only(String... fields) {
		return with(compiler().only(this.plan, List.of(fields)));
	}

	@Override
	public QuerySet<T> defer(String... fields) {
		return with(compiler().defer(this.plan, List.of(fields)));
	}

	@Override
	public QuerySet<T> selectRelated(String... relations) {
		return with(compiler().selectRelated(this.plan, List.of(relations)));
	}

	@Override
	public QuerySet<T> prefetchRelated(String... relations) {
		return with(compiler().prefetchRelated(this.plan, List.of(relations)));
	}

	@Override
	public QuerySet<T> annotate(String name, Expression expression) {
		return with(compiler().annotate(this.plan, name, expression));
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
		if (aggregates.length == 0) {
			throw new InvalidDataAccessApiUsageException("aggregate() needs at least one aggregate");
		}
		return this.engine.aggregate(this.plan, List.of(aggregates));
	}

	@Override
	public <K> Map<K, T> inBulk(Collection<K> ids) {
		if (!(this.plan.projection() instanceof Projection.Entities)) {
			throw new InvalidDataAccessApiUsageException("in_bulk() cannot be used with values() or values_list()");
		}
		if (this.plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot use 'limit' or 'offset' with in_bulk().");
		}
		Map<K, T> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		DefaultQuerySet<T> matching = (DefaultQuerySet<T>) filter(PathResolver.PK + "__in", ids);
		PersistentEntity<?, ?> entity = this.plan.model().entity();
		Map<Object, T> byId = new LinkedHashMap<>();
		for (T model : matching.list()) {
			byId.put(entity.getIdentifierAccessor(model).getIdentifier(), model);
		}
		for (K id : ids) {
			T model = byId.get(id);
			if (model == null && id != null) {
				Object converted = this.engine.coercion().toJava(id, this.plan.model().requiredId().type(),
						this.engine.zone(), () -> this.plan.model().name() + ".pk");
				model = byId.get(converted);
			}
			if (model != null) {
				result.put(id, model);
			}
		}
		return result;
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
		requireUnsliced("update");
		return this.engine.update(this.plan, values);
	}

	@Override
	public DeleteResult delete() {
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

	private void requireUnsliced(String what) {
		if (this.plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot " + what + " a query once a slice has been taken.");
		}
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
