package io.djongo.spring.core.query.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.functions.Trunc;
import io.djongo.spring.core.query.functions.TruncDate;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The chain calls of a QuerySet as steps of its plan: each refuses what Django refuses at that call (a combined
 * QuerySet, a sliced one) with Django's message, then extends the plan with that call only, through the plan's
 * compiler or the plan itself. {@code dates()} and {@code datetimes()} are chains of the QuerySet's own calls.
 */
final class ChainSteps {

	private ChainSteps() {
	}

	static QueryPlan where(QueryPlan plan, Q condition, boolean exclude) {
		requireUncombined(plan, exclude ? "exclude" : "filter");
		requireUnsliced(plan, "filter");
		return plan.compiler().filter(plan, condition, exclude);
	}

	static QueryPlan search(QueryPlan plan, String text) {
		requireUncombined(plan, "search");
		requireUnsliced(plan, "search");
		return plan.compiler().search(plan, text);
	}

	static QueryPlan orderBy(QueryPlan plan, List<?> ordering) {
		requireUnsliced(plan, "reorder");
		return plan.compiler().orderBy(plan, ordering);
	}

	static QueryPlan reverse(QueryPlan plan) {
		requireUnsliced(plan, "reverse");
		return plan.reversed();
	}

	/** {@code [from:to]} of the QuerySet's own slice, if any. */
	static QueryPlan slice(QueryPlan plan, int from, int to) {
		if (from < 0 || to < 0) {
			throw new InvalidDataAccessApiUsageException("Negative indexing is not supported.");
		}
		long size = Math.max(0, to - from);
		Long limit = plan.limit();
		long newLimit = (limit != null) ? Math.max(0, Math.min(size, limit - from)) : size;
		return plan.withSlice(plan.offset() + from, newLimit);
	}

	/** {@code [from:]} of the QuerySet's own slice, if any. */
	static QueryPlan slice(QueryPlan plan, int from) {
		if (from < 0) {
			throw new InvalidDataAccessApiUsageException("Negative indexing is not supported.");
		}
		Long limit = plan.limit();
		return plan.withSlice(plan.offset() + from, (limit != null) ? Math.max(0, limit - from) : null);
	}

	static QueryPlan distinct(QueryPlan plan) {
		requireUncombined(plan, "distinct");
		return plan.withDistinct();
	}

	/** {@code values()} and {@code values_list()}; on a combination, only as its parts' own values keep it whole. */
	static QueryPlan values(QueryPlan plan, List<String> fields, Projection.Values.Shape shape,
			@Nullable Class<?> flatType) {
		QueryPlan next = plan.compiler().values(plan, fields, shape, flatType);
		Combination combination = plan.combination();
		if (combination != null) {
			Combinations.requireIdentity(next, combination.kind(), (Projection.Values) next.projection());
		}
		return next;
	}

	static QueryPlan only(QueryPlan plan, List<String> fields) {
		return uncombined(plan, "only").only(plan, fields);
	}

	static QueryPlan defer(QueryPlan plan, List<String> fields) {
		return uncombined(plan, "defer").defer(plan, fields);
	}

	static QueryPlan selectRelated(QueryPlan plan, List<String> relations) {
		return uncombined(plan, "selectRelated").selectRelated(plan, relations);
	}

	static QueryPlan prefetchRelated(QueryPlan plan, List<String> relations) {
		return uncombined(plan, "prefetchRelated").prefetchRelated(plan, relations);
	}

	/** {@code annotate()}, or {@code alias()} when hidden. */
	static QueryPlan annotate(QueryPlan plan, String name, Expression expression, boolean hide) {
		return uncombined(plan, hide ? "alias" : "annotate").annotate(plan, name, expression, hide);
	}

	static QueryPlan combine(QueryPlan plan, Combination.Kind kind, boolean all, QuerySet<?>[] others) {
		List<QueryPlan> plans = new ArrayList<>();
		for (QuerySet<?> other : others) {
			plans.add(((DefaultQuerySet<?>) other).plan());
		}
		return Combinations.combine(plan, kind, all, plans);
	}

	static QuerySet<LocalDate> dates(QuerySet<?> qs, String field, String kind, String order) {
		if (!List.of("year", "month", "week", "day").contains(kind)) {
			throw new InvalidDataAccessApiUsageException("'kind' must be one of 'year', 'month', 'week', or 'day'.");
		}
		return truncatedValues(qs, field, TruncDate.of(Trunc.of(field, kind)), order, LocalDate.class);
	}

	static QuerySet<Instant> datetimes(QuerySet<?> qs, String field, String kind, String order) {
		if (!List.of("year", "month", "week", "day", "hour", "minute", "second").contains(kind)) {
			throw new InvalidDataAccessApiUsageException(
					"'kind' must be one of 'year', 'month', 'week', 'day', 'hour', 'minute', or 'second'.");
		}
		return truncatedValues(qs, field, Trunc.of(field, kind), order, Instant.class);
	}

	/**
	 * Django's {@code dates()} and {@code datetimes()}: the distinct truncated values of the field, ordered by them,
	 * nulls left out.
	 */
	private static <V> QuerySet<V> truncatedValues(QuerySet<?> qs, String field, Expression truncated, String order,
			Class<V> type) {
		if (!order.equals("ASC") && !order.equals("DESC")) {
			throw new InvalidDataAccessApiUsageException("'order' must be either 'ASC' or 'DESC'.");
		}
		String name = "djongoTruncated";
		return qs.annotate(name, truncated).filter(field + "__isnull", false)
			.valuesList(name, type)
			.distinct()
			.orderBy((order.equals("DESC") ? "-" : "") + name);
	}

	/** The plan's compiler, for a step Django refuses on a combined QuerySet. */
	private static QueryCompiler uncombined(QueryPlan plan, String operation) {
		requireUncombined(plan, operation);
		return plan.compiler();
	}

	static void requireUncombined(QueryPlan plan, String operation) {
		Combination combination = plan.combination();
		if (combination != null) {
			throw new InvalidDataAccessApiUsageException(combination.notSupported(operation));
		}
	}

	/** {@code get()} with conditions, which Django refuses after a combinator. */
	static void requireUnfilteredGet(QueryPlan plan) {
		Combination combination = plan.combination();
		if (combination != null) {
			throw new InvalidDataAccessApiUsageException("Calling QuerySet.get(...) with filters after "
					+ combination.kind().method() + "() is not supported.");
		}
	}

	static void requireUnsliced(QueryPlan plan, String what) {
		if (plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot " + what + " a query once a slice has been taken.");
		}
	}

}
