package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.djongo.spring.core.query.QuerySet;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A first QuerySet: exact lookups, ordering and slicing on top of {@link MongoOperations}.
 */
public final class DefaultQuerySet<T> implements QuerySet<T> {

	private final MongoOperations operations;

	private final Class<T> model;

	private final List<Criteria> filters;

	private final Sort sort;

	private final int skip;

	private final int limit;

	private @Nullable List<T> cache;

	private DefaultQuerySet(MongoOperations operations, Class<T> model, List<Criteria> filters, Sort sort, int skip,
			int limit) {
		this.operations = operations;
		this.model = model;
		this.filters = filters;
		this.sort = sort;
		this.skip = skip;
		this.limit = limit;
	}

	public static <T> QuerySet<T> of(MongoOperations operations, Class<T> model) {
		return new DefaultQuerySet<>(operations, model, List.of(), Sort.unsorted(), 0, 0);
	}

	@Override
	public QuerySet<T> filter(String lookup, @Nullable Object value) {
		List<Criteria> next = new ArrayList<>(this.filters);
		next.add(Criteria.where(lookup.equals("pk") ? "id" : lookup).is(value));
		return new DefaultQuerySet<>(this.operations, this.model, Collections.unmodifiableList(next), this.sort,
				this.skip, this.limit);
	}

	@Override
	public QuerySet<T> orderBy(String... fields) {
		List<Sort.Order> orders = new ArrayList<>();
		for (String field : fields) {
			orders.add(field.startsWith("-") ? Sort.Order.desc(field.substring(1)) : Sort.Order.asc(field));
		}
		return new DefaultQuerySet<>(this.operations, this.model, this.filters, Sort.by(orders), this.skip,
				this.limit);
	}

	@Override
	public QuerySet<T> slice(int from, int to) {
		if (from < 0 || to < 0) {
			throw new IllegalArgumentException("Negative indexing is not supported.");
		}
		int size = Math.max(0, to - from);
		return new DefaultQuerySet<>(this.operations, this.model, this.filters, this.sort, this.skip + from, size);
	}

	@Override
	public List<T> list() {
		List<T> result = this.cache;
		if (result == null) {
			result = Collections.unmodifiableList(this.operations.find(query(), this.model));
			this.cache = result;
		}
		return result;
	}

	@Override
	public Optional<T> first() {
		if (this.cache != null) {
			return this.cache.stream().findFirst();
		}
		Query query = query().limit(1);
		return Optional.ofNullable(this.operations.findOne(query, this.model));
	}

	@Override
	public long count() {
		if (this.cache != null) {
			return this.cache.size();
		}
		return this.operations.count(query().skip(this.skip).limit(this.limit), this.model);
	}

	private Query query() {
		Query query = this.filters.isEmpty() ? new Query()
				: new Query(new Criteria().andOperator(this.filters.toArray(Criteria[]::new)));
		query.with(this.sort).skip(this.skip);
		if (this.limit > 0) {
			query.limit(this.limit);
		}
		return query;
	}

}
