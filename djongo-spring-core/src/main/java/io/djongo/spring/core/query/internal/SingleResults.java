package io.djongo.spring.core.query.internal;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.djongo.spring.core.query.DoesNotExistException;
import io.djongo.spring.core.query.MultipleObjectsReturnedException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.PersistentEntity;

/**
 * Django's evaluations of one result: {@code first()}, {@code last()}, {@code get()}, {@code earliest()} and
 * {@code latest()}. Each is one find of the QuerySet's plan, ordered as Django orders it (by pk when the QuerySet is
 * not) and limited to one ({@code get()}: to {@link QueryCompiler#MAX_GET_RESULTS}, to tell how many it found);
 * {@code first()} and {@code last()} of an evaluated QuerySet read its cache instead.
 */
final class SingleResults {

	private SingleResults() {
	}

	static <T> Optional<T> first(DefaultQuerySet<T> qs) {
		QueryPlan plan = qs.plan();
		List<T> cached = qs.cached();
		if (cached != null) {
			return plan.isOrdered() ? cached.stream().findFirst() : byId(plan, cached, false);
		}
		return one(qs, plan.isOrdered() ? plan : plan.compiler().orderBy(plan, List.of(PathResolver.PK)));
	}

	static <T> Optional<T> last(DefaultQuerySet<T> qs) {
		QueryPlan plan = qs.plan();
		if (plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot reverse a query once a slice has been taken.");
		}
		List<T> cached = qs.cached();
		if (cached != null) {
			return plan.isOrdered()
					? (cached.isEmpty() ? Optional.empty() : Optional.of(cached.get(cached.size() - 1)))
					: byId(plan, cached, true);
		}
		QueryPlan ordered = plan.isOrdered() ? plan : plan.compiler().orderBy(plan, List.of(PathResolver.PK));
		return one(qs, ordered.reversed());
	}

	private static <T> Optional<T> one(DefaultQuerySet<T> qs, QueryPlan ordered) {
		Long limit = ordered.limit();
		List<T> result = qs.engine()
			.list(ordered.withSlice(ordered.offset(), (limit != null) ? Math.min(1, limit) : 1L));
		return result.stream().findFirst();
	}

	/** First or last by id of already fetched models, as Django orders an unordered QuerySet by pk. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <T> Optional<T> byId(QueryPlan plan, List<T> cached, boolean last) {
		if (cached.isEmpty()) {
			return Optional.empty();
		}
		if (!(plan.projection() instanceof Projection.Entities)) {
			return Optional.of(last ? cached.get(cached.size() - 1) : cached.get(0));
		}
		PersistentEntity<?, ?> entity = plan.model().entity();
		Comparator<T> byId = Comparator.comparing(
				(T model) -> (Comparable) entity.getIdentifierAccessor(model).getIdentifier(),
				Comparator.nullsFirst(Comparator.naturalOrder()));
		return Optional.of(last ? Collections.max(cached, byId) : Collections.min(cached, byId));
	}

	static <T> T get(DefaultQuerySet<T> qs) {
		QueryPlan plan = qs.plan();
		Long limit = plan.limit();
		int max = QueryCompiler.MAX_GET_RESULTS;
		List<T> found = qs.engine()
			.list(plan.withSlice(plan.offset(), (limit != null) ? Math.min(limit, max) : max));
		if (found.isEmpty()) {
			throw new DoesNotExistException(plan.model().type());
		}
		if (found.size() > 1) {
			throw new MultipleObjectsReturnedException(plan.model().type(), found.size(), max);
		}
		return found.get(0);
	}

	/**
	 * Django's {@code _earliest}: the first result ordered by the fields, or by the model's {@code getLatestBy}
	 * (reversed for latest), else DoesNotExist; one find limited to one.
	 */
	static <T> T earliest(DefaultQuerySet<T> qs, String[] fields, boolean latest) {
		QueryPlan plan = qs.plan();
		if (plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot change a query once a slice has been taken.");
		}
		List<String> ordering = (fields.length > 0) ? List.of(fields) : plan.model().getLatestBy();
		if (ordering.isEmpty()) {
			throw new InvalidDataAccessApiUsageException("earliest() and latest() require either fields as positional"
					+ " arguments or getLatestBy in " + plan.model().name() + "'s @Model.");
		}
		QueryPlan ordered = plan.compiler().orderBy(plan, ordering);
		List<T> found = qs.engine().list((latest ? ordered.reversed() : ordered).withSlice(0, 1L));
		if (found.isEmpty()) {
			throw new DoesNotExistException(plan.model().type());
		}
		return found.get(0);
	}

}
