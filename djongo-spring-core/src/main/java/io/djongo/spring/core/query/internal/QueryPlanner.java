package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.aggregate.Aggregate;
import io.djongo.spring.core.query.aggregate.Avg;
import org.bson.Document;

/**
 * Compiles a {@link QueryState} into a {@link QueryPlan}: filters placed before or after the annotations they read,
 * orderings and projections resolved to stored paths.
 */
final class QueryPlanner {

	private final FilterCompiler filters;

	private final ExpressionCompiler expressions;

	private final TargetResolver targets;

	QueryPlanner(FilterCompiler filters, ExpressionCompiler expressions, TargetResolver targets) {
		this.filters = filters;
		this.expressions = expressions;
		this.targets = targets;
	}

	QueryPlan plan(QueryState state) {
		Map<String, Class<?>> names = new LinkedHashMap<>();
		Map<String, Object> annotations = new LinkedHashMap<>();
		List<Filter> before = new ArrayList<>();
		List<Filter> after = new ArrayList<>();
		for (QueryState.Step step : state.steps()) {
			Scope scope = new Scope(state.model(), Map.copyOf(names));
			if (step instanceof QueryState.Where where) {
				FilterCompiler.Compiled compiled = this.filters.compile(where.condition(), scope);
				Filter filter = where.exclude() ? compiled.filter().not() : compiled.filter();
				(compiled.usesAnnotations() ? after : before).add(filter);
			}
			else if (step instanceof QueryState.Annotate annotate) {
				annotations.put(annotate.name(), annotation(annotate.expression(), scope));
				names.put(annotate.name(), annotationType(annotate.expression()));
			}
		}
		Scope scope = new Scope(state.model(), Map.copyOf(names));
		Filter filter = Filter.and(before);
		Filter annotationFilter = Filter.and(after);
		Sort sort = sort(state.effectiveOrdering(), scope);
		boolean empty = state.none() || filter.isFalse() || annotationFilter.isFalse()
				|| (state.limit() != null && state.limit() == 0);
		return new QueryPlan(empty, filter, annotations, annotationFilter, sort.document(), sort.random(),
				state.offset(), state.limit(), null, scope);
	}

	private Object annotation(Expression expression, Scope scope) {
		if (expression instanceof F f) {
			return this.expressions.compile(f, scope).expression();
		}
		return this.expressions.annotation((Aggregate) expression, scope);
	}

	private static Class<?> annotationType(Expression expression) {
		if (expression instanceof Avg) {
			return Double.class;
		}
		return (expression instanceof Aggregate) ? Number.class : Object.class;
	}

	/**
	 * A resolved ordering.
	 * @param document the sort document
	 * @param random whether the order is random
	 */
	record Sort(Document document, boolean random) {
	}

	Sort sort(List<String> ordering, Scope scope) {
		Document sort = new Document();
		boolean random = false;
		for (String entry : ordering) {
			if (entry.equals("?")) {
				random = true;
				continue;
			}
			boolean descending = entry.startsWith("-");
			String name = descending ? entry.substring(1) : entry;
			if (name.isEmpty()) {
				throw new FieldError("Invalid ordering '" + entry + "' on " + scope.model().name());
			}
			sort.append(storedPath(name, scope, "order by"), descending ? -1 : 1);
		}
		return new Sort(random ? new Document() : sort, random);
	}

	/** The stored path of a lookup naming a field (no lookup or transform), or an annotation. */
	String storedPath(String lookup, Scope scope, String purpose) {
		Target target = this.targets.resolve(lookup, scope);
		if (!target.rest().isEmpty()) {
			if (target.container() != null) {
				throw io.djongo.spring.core.model.ModelRegistry.unknownField(target.container(), target.rest().get(0), lookup);
			}
			throw new FieldError("Cannot " + purpose + " '" + lookup + "' on " + scope.model().name()
					+ ": lookups and transforms ('" + String.join("__", target.rest()) + "') are not allowed here");
		}
		return target.storedPath();
	}

	Target target(String lookup, Scope scope, String purpose) {
		Target target = this.targets.resolve(lookup, scope);
		if (!target.rest().isEmpty()) {
			storedPath(lookup, scope, purpose);
		}
		return target;
	}

	/** The {@code $group} and {@code $project} stages of {@code aggregate(...)}. */
	ExpressionCompiler.GroupStage group(List<Aggregate> aggregates, Scope scope) {
		List<String> keys = new ArrayList<>();
		for (Aggregate aggregate : aggregates) {
			if (keys.contains(aggregate.key())) {
				throw new InvalidLookupException(scope.model().name() + ": two aggregates share the key '"
						+ aggregate.key() + "'; give one of them another name with as(...)");
			}
			keys.add(aggregate.key());
		}
		return this.expressions.group(aggregates, scope);
	}

}
