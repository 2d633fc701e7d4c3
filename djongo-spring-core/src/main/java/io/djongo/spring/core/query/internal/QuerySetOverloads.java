package io.djongo.spring.core.query.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.CreateResult;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import org.jspecify.annotations.Nullable;

/**
 * The QuerySet calls that only restate another, as default methods (Spring Data's {@code GridFsOperations} manner),
 * so that {@link DefaultQuerySet} implements each operation once: every {@code filter} and {@code exclude} is one
 * {@link #where}, every combinator one {@link #combine}; {@code aggregate}, {@code getOrCreate} and {@code update}
 * delegate to their general form.
 */
interface QuerySetOverloads<T> extends QuerySet<T> {

	/** One call of filter, or of exclude. */
	QuerySet<T> where(Q condition, boolean exclude);

	/** One call of union, unionAll, intersection or difference. */
	QuerySet<T> combine(Combination.Kind kind, boolean all, QuerySet<?>[] others);

	@Override
	default QuerySet<T> filter(String lookup, @Nullable Object value) {
		return where(Q.of(lookup, value), false);
	}

	@Override
	default QuerySet<T> filter(String lookup, @Nullable Object value, @Nullable Object... more) {
		return where(Q.of(lookup, value, more), false);
	}

	@Override
	default QuerySet<T> filter(Map<String, ?> lookups) {
		return where(Q.of(lookups), false);
	}

	@Override
	default QuerySet<T> filter(Q... conditions) {
		return where(Q.and(conditions), false);
	}

	@Override
	default QuerySet<T> exclude(String lookup, @Nullable Object value) {
		return where(Q.of(lookup, value), true);
	}

	@Override
	default QuerySet<T> exclude(String lookup, @Nullable Object value, @Nullable Object... more) {
		return where(Q.of(lookup, value, more), true);
	}

	@Override
	default QuerySet<T> exclude(Map<String, ?> lookups) {
		return where(Q.of(lookups), true);
	}

	@Override
	default QuerySet<T> exclude(Q... conditions) {
		return where(Q.and(conditions), true);
	}

	@Override
	default QuerySet<T> union(QuerySet<?>... others) {
		return combine(Combination.Kind.UNION, false, others);
	}

	@Override
	default QuerySet<T> unionAll(QuerySet<?>... others) {
		return combine(Combination.Kind.UNION, true, others);
	}

	@Override
	default QuerySet<T> intersection(QuerySet<?>... others) {
		return combine(Combination.Kind.INTERSECTION, false, others);
	}

	@Override
	default QuerySet<T> difference(QuerySet<?>... others) {
		return combine(Combination.Kind.DIFFERENCE, false, others);
	}

	@Override
	default Map<String, @Nullable Object> aggregate(Aggregate... aggregates) {
		return aggregate((Expression[]) aggregates);
	}

	@Override
	default CreateResult<T> getOrCreate(Map<String, ?> lookups) {
		return getOrCreate(lookups, Map.of());
	}

	@Override
	default long update(String field, @Nullable Object value) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put(field, value);
		return update(values);
	}

}
