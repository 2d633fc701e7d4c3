package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Q;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * Compiles {@code annotate} and {@code alias} with Django's rules: an annotation is computed per document
 * ({@code $addFields}), an aggregate in it over the document's own value, lists or related documents (restricted by
 * the filters on the relation made before it, and by its own filter); but once {@code values()} selected fields, an
 * aggregate groups by them (Django's GROUP BY), and what follows is computed over the groups.
 */
final class Annotator {

	private final TargetResolver targets;

	private final FilterCompiler filters;

	private final ExpressionCompiler expressions;

	private final Aggregations aggregations;

	Annotator(TargetResolver targets, FilterCompiler filters, ExpressionCompiler expressions) {
		this.targets = targets;
		this.filters = filters;
		this.expressions = expressions;
		this.aggregations = new Aggregations(targets, expressions);
	}

	Aggregations aggregations() {
		return this.aggregations;
	}

	/**
	 * @param hide whether the annotation is Django's {@code alias()}: usable in later calls, not in results
	 */
	QueryPlan annotate(QueryPlan plan, String name, Expression expression, boolean hide) {
		checkName(plan.model(), name);
		Steps steps = plan.steps();
		Scope scope = plan.scope();
		// a GeoDistance's $geoNear stage goes first in the plan, before what the annotation reads
		Uses uses = new Uses(plan.nextSubquery()).allowGeo();
		boolean aggregate = ExpressionCompiler.containsAggregate(expression);
		Steps.Grouping grouping = steps.grouping();
		if (aggregate && (grouping != null || plan.projection() instanceof Projection.Values)) {
			// values() before an aggregate: GROUP BY the values
			Steps.Grouping current = (grouping != null) ? grouping
					: new Steps.Grouping(((Projection.Values) plan.projection()).targets(), new Document(), Map.of());
			Document accumulators = new Document(current.accumulators());
			Aggregations.Group sink = this.aggregations.new Group(accumulators,
					TargetResolver.JOIN_PREFIX + "g" + current.results().size() + "_", false,
					restriction(steps.wheres()));
			ExpressionCompiler.Result result = this.expressions.compile(expression,
					new ExpressionCompiler.Context(scope, uses, sink));
			Map<String, Object> results = new LinkedHashMap<>(current.results());
			results.put(name, result.expression());
			Steps.Grouping next = new Steps.Grouping(current.keys(), accumulators, results);
			return plan.withSteps(steps.group(name, result.type(), next, uses, hide));
		}
		int index = steps.scope().annotations().size();
		ExpressionCompiler.Result result = this.expressions.compile(expression,
				new ExpressionCompiler.Context(scope, uses, perDocument(plan, index)));
		if (grouping != null) {
			if (steps.readsGrouped(uses)) {
				return plan.withSteps(steps.annotateGrouped(name, result.type(), result.expression(), uses, hide));
			}
			// Django groups by every plain expression selected
			List<Target> keys = new ArrayList<>(grouping.keys());
			Steps annotated = steps.annotate(name, result.type(), result.expression(), uses, hide);
			keys.add(this.targets.resolve(name, annotated.scope()));
			Steps.Grouping next = new Steps.Grouping(List.copyOf(keys), grouping.accumulators(), grouping.results());
			return plan.withSteps(annotated.group(name, result.type(), next, new Uses(), hide));
		}
		return plan.withSteps(steps.annotate(name, result.type(), result.expression(), uses, hide));
	}

	private void checkName(ModelMetadata model, String name) {
		if (name.contains(PathResolver.SEPARATOR) || name.isEmpty() || name.startsWith("$") || name.contains(".")) {
			throw new FieldError("Invalid annotation name '" + name + "' on " + model.name()
					+ ": use a plain identifier without '__', '.' or a leading '$'");
		}
		if (model.field(name) != null || name.equals(PathResolver.PK) || isRelationName(model, name)) {
			throw new FieldError("The annotation '" + name + "' conflicts with a field on the model " + model.name()
					+ ".");
		}
	}

	/** Whether the name is a relation of the model that is not one of its fields: lookups already use it. */
	private boolean isRelationName(ModelMetadata model, String name) {
		return model.throughRelations().containsKey(name)
				|| (model.collection() != null && this.targets.paths().isReverseRelation(model, name));
	}

	/**
	 * The aggregates of an annotation computed per document: over a many-valued relation, its join restricted as
	 * Django's rules say; otherwise over the document itself, its filter applied to it.
	 */
	private ExpressionCompiler.AggregateSink perDocument(QueryPlan plan, int index) {
		int[] count = new int[1];
		return (aggregate, context) -> {
			String field = aggregate.field();
			boolean relation = field != null && overManyRelation(field, context.scope());
			String aggregated = (field != null) ? field : "";
			String suffix = (count[0] == 0) ? String.valueOf(index) : index + "_" + count[0];
			count[0]++;
			Join restricted = relation
					? restrictedJoin(aggregate, aggregated, suffix, plan.steps().wheres(), context.scope()) : null;
			return this.aggregations.annotation(aggregate, context, restricted, !relation);
		};
	}

	/** Whether an aggregated field is reached through a many-valued relation (not through the model's own lists). */
	private boolean overManyRelation(String field, Scope scope) {
		int separator = field.indexOf(PathResolver.SEPARATOR);
		String relation = (separator < 0) ? field : field.substring(0, separator);
		if (scope.annotations().containsKey(relation)) {
			return false;
		}
		LookupPath path = this.targets.paths().resolve(scope.model(), field);
		if (path.isLocalManyToMany()) {
			// the model's own list of ids: its related documents, as Django's join rows
			return path.rest().isEmpty();
		}
		return !path.hops().isEmpty() && path.hops().get(0).isMultiValued() && (relation.equals(field)
				|| !this.targets.paths().resolve(scope.model(), relation).hops().isEmpty());
	}

	/** Django's rules for aggregating over a many-valued relation, for the aggregates of one {@code $group}. */
	Aggregations.Restriction restriction(List<Steps.Where> wheres) {
		return (aggregate, suffix, scope) -> {
			String field = aggregate.field();
			return (field != null && overManyRelation(field, scope))
					? restrictedJoin(aggregate, field, suffix, wheres, scope) : null;
		};
	}

	/**
	 * Django's rules for aggregating over a multi-valued relation: a {@code filter} on the relation made before the
	 * annotation restricts which related documents count, and so does the aggregate's own {@code filter(...)}. Both
	 * become a condition inside the join of the related documents; null when nothing restricts them.
	 */
	private @Nullable Join restrictedJoin(Aggregate aggregate, String field, String index, List<Steps.Where> wheres,
			Scope scope) {
		int separator = field.indexOf(PathResolver.SEPARATOR);
		String relation = (separator < 0) ? field : field.substring(0, separator);
		LookupPath path = this.targets.paths().resolve(scope.model(), field);
		List<Q> conditions = new ArrayList<>();
		Q condition = aggregate.condition();
		if (condition != null) {
			conditions.add(Relations.strip(condition, relation, scope));
		}
		for (Steps.Where where : wheres) {
			if (!where.exclude()) {
				conditions.addAll(Relations.leavesOn(where.condition(), relation));
			}
		}
		if (conditions.isEmpty()) {
			return null;
		}
		// the related documents: past the rows of a Django through collection, the model they pair with
		ModelMetadata related;
		if (path.isLocalManyToMany()) {
			related = this.targets.paths().metadata(Objects.requireNonNull(path.field().relation()).target());
		}
		else {
			related = (path.hops().get(0).target() != null || path.hops().size() < 2)
					? path.hops().get(0).requiredTarget() : path.hops().get(1).requiredTarget();
		}
		FilterCompiler.Compiled compiled = this.filters.compile(Q.and(conditions.toArray(Q[]::new)),
				new Scope(related, Map.of()));
		if (!compiled.uses().isLocal()) {
			throw new InvalidLookupException(scope.model().name() + ": " + aggregate
					+ ": conditions restricting an aggregate over '" + relation
					+ "' must be on the related documents' own fields");
		}
		Bson restriction = compiled.filter().isFalse() ? new Document("_id", new Document("$in", List.of()))
				: compiled.filter().toBson();
		return this.targets.restrictedJoin(relation, scope, TargetResolver.JOIN_PREFIX + relation + "_a" + index,
				restriction);
	}

}
