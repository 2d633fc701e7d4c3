package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.LookupPath;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.aggregate.Aggregate;
import io.djongo.spring.core.query.aggregate.Avg;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

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
		Uses uses = new Uses();
		List<QueryState.Where> wheres = new ArrayList<>();
		for (QueryState.Step step : state.steps()) {
			Scope scope = new Scope(state.model(), Map.copyOf(names));
			if (step instanceof QueryState.Where where) {
				FilterCompiler.Compiled compiled = this.filters.compile(where.condition(), scope, where.exclude());
				Filter filter = where.exclude() ? compiled.filter().not() : compiled.filter();
				(compiled.uses().isLocal() ? before : after).add(filter);
				uses.add(compiled.uses());
				wheres.add(where);
			}
			else if (step instanceof QueryState.Annotate annotate) {
				Uses annotationUses = new Uses();
				annotations.put(annotate.name(),
						annotation(annotate, annotations.size(), wheres, scope, annotationUses));
				uses.add(annotationUses);
				names.put(annotate.name(), annotationType(annotate.expression()));
			}
		}
		Scope scope = new Scope(state.model(), Map.copyOf(names));
		Filter filter = Filter.and(before);
		Filter joinedFilter = Filter.and(after);
		Sort sort = sort(state.effectiveOrdering(), scope, uses);
		if (state.projection() instanceof QueryState.Values values) {
			for (String field : values.fields()) {
				uses.target(target(field, scope, "select values of"));
			}
		}
		List<String> kept = new ArrayList<>();
		for (String relation : state.selectRelated()) {
			Target target = selectable(relation, scope);
			uses.target(target);
			target.joins().forEach((join) -> kept.add(join.alias()));
		}
		boolean empty = state.none() || filter.isFalse() || joinedFilter.isFalse()
				|| (state.limit() != null && state.limit() == 0);
		return new QueryPlan(empty, filter, uses.joins(), annotations, joinedFilter, sort.document(), sort.random(),
				state.offset(), state.limit(), null, scope, kept);
	}

	/**
	 * The target of {@code selectRelated}: a forward foreign key (or a chain of them), joined as one document.
	 */
	Target selectable(String relation, Scope scope) {
		Target target = this.targets.selected(relation, scope);
		if (target == null) {
			String choices = String.join(", ", scope.model()
				.fields()
				.values()
				.stream()
				.filter((field) -> field.kind() == FieldDescriptor.Kind.FOREIGN_KEY)
				.map(FieldDescriptor::name)
				.sorted()
				.toList());
			throw new FieldError("Invalid field name(s) given in select_related: '" + relation + "'. Choices are: "
					+ choices + " (selectRelated follows foreign keys; use prefetchRelated for many-to-many and "
					+ "reverse relations)");
		}
		return target;
	}

	private Object annotation(QueryState.Annotate annotate, int index, List<QueryState.Where> wheres, Scope scope,
			Uses uses) {
		if (annotate.expression() instanceof F f) {
			ExpressionCompiler.Compiled compiled = this.expressions.compile(f, scope);
			uses.add(compiled.uses());
			return compiled.expression();
		}
		Aggregate aggregate = (Aggregate) annotate.expression();
		return this.expressions.annotation(aggregate, scope, uses, restrictedJoin(aggregate, index, wheres, scope));
	}

	/**
	 * Django's rules for aggregating over a multi-valued relation: a {@code filter} on the relation made before the
	 * annotation restricts which related documents count, and so does the aggregate's own {@code filter(...)}. Both
	 * become a condition inside the join of the related documents; null when nothing restricts them.
	 */
	private @Nullable Join restrictedJoin(Aggregate aggregate, int index, List<QueryState.Where> wheres, Scope scope) {
		String relation = aggregate.field().split(ModelRegistry.SEPARATOR, -1)[0];
		if (scope.annotations().containsKey(relation)) {
			return null;
		}
		LookupPath path = this.targets.models().resolve(scope.model().type(),
				aggregate.field());
		if (path.hops().isEmpty() || !path.hops().get(0).isMultiValued()
				|| this.targets.models().resolve(scope.model().type(), relation).hops().isEmpty()) {
			if (aggregate.condition() != null) {
				throw new InvalidLookupException(scope.model().name() + ": " + aggregate
						+ ": a filtered aggregate needs a many-valued relation to aggregate over");
			}
			return null;
		}
		List<Q> conditions = new ArrayList<>();
		if (aggregate.condition() != null) {
			conditions.add(Relations.strip(aggregate.condition(), relation, scope));
		}
		for (QueryState.Where where : wheres) {
			if (!where.exclude()) {
				conditions.addAll(Relations.leavesOn(where.condition(), relation));
			}
		}
		if (conditions.isEmpty()) {
			return null;
		}
		ModelMetadata related = path.hops().get(0).target();
		FilterCompiler.Compiled compiled = this.filters.compile(Q.and(conditions.toArray(Q[]::new)),
				new Scope(related, Map.of()));
		if (!compiled.uses().isLocal()) {
			throw new InvalidLookupException(scope.model().name() + ": " + aggregate
					+ ": conditions restricting an aggregate over '" + relation
					+ "' must be on the related documents' own fields");
		}
		Bson condition = compiled.filter().isFalse()
				? new Document("_id", new Document("$in", List.of())) : compiled.filter().toBson();
		return this.targets.restrictedJoin(relation, scope, TargetResolver.JOIN_PREFIX + relation + "_a" + index,
				condition);
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

	Sort sort(List<String> ordering, Scope scope, Uses uses) {
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
			Target target = target(name, scope, "order by");
			uses.target(target);
			sort.append(target.storedPath(), descending ? -1 : 1);
		}
		return new Sort(random ? new Document() : sort, random);
	}

	/** The stored path of a lookup naming a field (no lookup or transform), or an annotation. */
	String storedPath(String lookup, Scope scope, String purpose) {
		Target target = this.targets.resolve(lookup, scope);
		if (!target.rest().isEmpty()) {
			if (target.container() != null) {
				throw this.targets.models().unknownField(target.container(), target.rest().get(0), lookup);
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
	ExpressionCompiler.GroupStage group(List<Aggregate> aggregates, Scope scope, Uses uses) {
		List<String> keys = new ArrayList<>();
		for (Aggregate aggregate : aggregates) {
			if (keys.contains(aggregate.key())) {
				throw new InvalidLookupException(scope.model().name() + ": two aggregates share the key '"
						+ aggregate.key() + "'; give one of them another name with as(...)");
			}
			keys.add(aggregate.key());
		}
		return this.expressions.group(aggregates, scope, uses);
	}

}
