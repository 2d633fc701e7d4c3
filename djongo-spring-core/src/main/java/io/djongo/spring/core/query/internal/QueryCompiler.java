package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Q;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * The one compiler of QuerySets. Each chain call extends the plan of the QuerySet it is called on with its own
 * step, compiled once and at once, so that a bad lookup fails where it is written and no call replays the ones
 * before it: a filter is placed before the joins and annotations or after them by what it reads, an ordering,
 * a {@code values()} or an {@code only()}/{@code defer()} is resolved to stored paths against the annotations made
 * so far. At the first evaluation the plan's parts are assembled into its {@link QueryPlan.Listing}: the one
 * command ({@code find} or {@code aggregate}) and the mapping of each document to a result.
 */
final class QueryCompiler {

	/** Django's {@code MAX_GET_RESULTS}: how many documents {@code get()} fetches to report a count. */
	static final int MAX_GET_RESULTS = 21;

	private final TargetResolver targets;

	private final FilterCompiler filters;

	private final ExpressionCompiler expressions;

	private final Listings listings;

	private final Prefetcher prefetcher;

	private final Map<Class<?>, QueryPlan> bases = new ConcurrentHashMap<>();

	private final Map<Class<?>, Sort> defaultSorts = new ConcurrentHashMap<>();

	QueryCompiler(TargetResolver targets, FilterCompiler filters, ExpressionCompiler expressions, RowMappers rows,
			Prefetcher prefetcher) {
		this.targets = targets;
		this.filters = filters;
		this.expressions = expressions;
		this.listings = new Listings(targets, rows);
		this.prefetcher = prefetcher;
	}

	/** The plan of every document of a model; one per model, as plans are immutable. */
	QueryPlan base(Class<?> model) {
		QueryPlan base = this.bases.get(model);
		if (base == null) {
			base = new QueryPlan(this, this.targets.paths().metadata(model));
			this.bases.putIfAbsent(model, base);
		}
		return base;
	}

	// ---- one chain call each

	QueryPlan filter(QueryPlan plan, Q condition, boolean exclude) {
		FilterCompiler.Compiled compiled = this.filters.compile(condition, plan.scope(), exclude);
		Filter filter = exclude ? compiled.filter().not() : compiled.filter();
		return plan.withSteps(plan.steps().where(new Steps.Where(condition, exclude), filter, compiled.uses()));
	}

	QueryPlan annotate(QueryPlan plan, String name, Expression expression) {
		ModelMetadata model = plan.model();
		if (name.contains(PathResolver.SEPARATOR) || name.isEmpty() || name.startsWith("$") || name.contains(".")) {
			throw new FieldError("Invalid annotation name '" + name + "' on " + model.name()
					+ ": use a plain identifier without '__', '.' or a leading '$'");
		}
		if (model.field(name) != null || name.equals(PathResolver.PK) || isRelationName(model, name)) {
			throw new FieldError("The annotation '" + name + "' conflicts with a field on the model " + model.name()
					+ ".");
		}
		Scope scope = plan.scope();
		Uses uses = new Uses();
		Object compiled;
		Class<?> type;
		if (expression instanceof F f) {
			ExpressionCompiler.Compiled value = this.expressions.compile(f, scope);
			uses.add(value.uses());
			compiled = value.expression();
			type = Object.class;
		}
		else {
			// Expression is sealed: an F or an Aggregate
			Aggregate aggregate = (Aggregate) expression;
			Join restricted = restrictedJoin(aggregate, plan.annotations().size(), plan.steps().wheres(), scope);
			compiled = this.expressions.annotation(aggregate, scope, uses, restricted);
			type = ExpressionCompiler.valueType(aggregate);
		}
		return plan.withSteps(plan.steps().annotate(name, type, compiled, uses));
	}

	/** Whether the name is a relation of the model that is not one of its fields: lookups already use it. */
	private boolean isRelationName(ModelMetadata model, String name) {
		return model.throughRelations().containsKey(name)
				|| (model.collection() != null && this.targets.paths().isReverseRelation(model, name));
	}

	QueryPlan orderBy(QueryPlan plan, List<String> ordering) {
		return plan.withSort(sort(ordering, plan.scope()));
	}

	/** The model's default ordering, resolved once. */
	Sort defaultSort(ModelMetadata model) {
		Sort sort = this.defaultSorts.get(model.type());
		if (sort == null) {
			sort = model.ordering().isEmpty() ? Sort.NONE : sort(model.ordering(), new Scope(model, Map.of()));
			this.defaultSorts.putIfAbsent(model.type(), sort);
		}
		return sort;
	}

	private Sort sort(List<String> ordering, Scope scope) {
		Document sort = new Document();
		Uses uses = new Uses();
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
		return new Sort(random ? new Document() : sort, random, uses.joins());
	}

	QueryPlan values(QueryPlan plan, List<String> fields, Projection.Values.Shape shape, @Nullable Class<?> flatType) {
		boolean all = fields.isEmpty();
		List<String> keys = all ? List.copyOf(plan.model().fields().keySet()) : List.copyOf(fields);
		if (shape == Projection.Values.Shape.FLAT && keys.size() != 1) {
			throw new FieldError(plan.model().name() + ": a flat values list takes exactly one field, not " + keys);
		}
		List<Target> resolved = new ArrayList<>();
		for (String key : keys) {
			resolved.add(target(key, plan.scope(), "select values of"));
		}
		return plan.withProjection(new Projection.Values(keys, List.copyOf(resolved), all, shape, flatType));
	}

	QueryPlan only(QueryPlan plan, List<String> fields) {
		List<String> paths = storedPaths(plan, fields, "load only");
		return (plan.projection() instanceof Projection.Entities)
				? plan.withProjection(new Projection.Entities(paths, List.of())) : plan;
	}

	QueryPlan defer(QueryPlan plan, List<String> fields) {
		List<String> paths = storedPaths(plan, fields, "defer");
		if (paths.contains(plan.model().idField())) {
			throw new FieldError(plan.model().name() + ": the id cannot be deferred");
		}
		if (!(plan.projection() instanceof Projection.Entities entities)) {
			return plan;
		}
		List<String> deferred = new ArrayList<>(entities.defer());
		deferred.addAll(paths);
		return plan.withProjection(new Projection.Entities(List.of(), List.copyOf(deferred)));
	}

	private List<String> storedPaths(QueryPlan plan, List<String> fields, String purpose) {
		List<String> paths = new ArrayList<>();
		for (String field : fields) {
			paths.add(storedPath(field, plan.scope(), purpose));
		}
		return List.copyOf(paths);
	}

	QueryPlan selectRelated(QueryPlan plan, List<String> relations) {
		Related related = plan.related();
		List<String> select = new ArrayList<>(related.select());
		List<Join> joins = related.selectJoins();
		List<String> aliases = new ArrayList<>(related.selectAliases());
		for (String relation : relations) {
			if (select.contains(relation)) {
				continue;
			}
			Target target = selectable(relation, plan.scope());
			select.add(relation);
			for (Join join : target.joins()) {
				joins = Join.merge(joins, join);
				aliases.add(join.alias());
			}
		}
		return plan.withRelated(new Related(List.copyOf(select), List.copyOf(joins), List.copyOf(aliases),
				related.prefetch()));
	}

	QueryPlan prefetchRelated(QueryPlan plan, List<String> relations) {
		Related related = plan.related();
		List<Prefetcher.Plan> prefetch = new ArrayList<>(related.prefetch());
		for (String relation : relations) {
			Prefetcher.Plan planned = this.prefetcher.plan(plan.model(), relation);
			if (prefetch.stream().noneMatch((existing) -> existing.name().equals(relation))) {
				prefetch.add(planned);
			}
		}
		return plan.withRelated(new Related(related.select(), related.selectJoins(), related.selectAliases(),
				List.copyOf(prefetch)));
	}

	// ---- the evaluations

	Listings listings() {
		return this.listings;
	}

	/**
	 * What {@code aggregate(...)} sends: the listing's stages (sorted only when sliced, where the order decides what
	 * is aggregated), the joins the aggregates need besides, then one {@code $group} and one {@code $project}.
	 * Null when the result is known to be empty; compiled first, so that a bad aggregate fails even then.
	 */
	Command.@Nullable Pipeline aggregate(QueryPlan plan, List<Aggregate> aggregates) {
		List<String> keys = new ArrayList<>();
		for (Aggregate aggregate : aggregates) {
			if (keys.contains(aggregate.key())) {
				throw new InvalidLookupException(plan.model().name() + ": two aggregates share the key '"
						+ aggregate.key() + "'; give one of them another name with as(...)");
			}
			keys.add(aggregate.key());
		}
		Uses uses = new Uses();
		ExpressionCompiler.GroupStage group = this.expressions.group(aggregates, plan.scope(), uses);
		if (plan.isEmpty()) {
			return null;
		}
		List<Bson> pipeline = plan.stages(plan.isSliced());
		List<Join> joined = plan.joins();
		for (Join join : uses.joins()) {
			if (!joined.contains(join)) {
				pipeline.addAll(join.stages());
			}
		}
		pipeline.add(new Document("$group", group.group()));
		pipeline.add(new Document("$project", group.project()));
		return new Command.Pipeline(plan.collection(), pipeline);
	}

	// ---- resolving names

	/**
	 * Django's rules for aggregating over a multi-valued relation: a {@code filter} on the relation made before the
	 * annotation restricts which related documents count, and so does the aggregate's own {@code filter(...)}. Both
	 * become a condition inside the join of the related documents; null when nothing restricts them.
	 */
	private @Nullable Join restrictedJoin(Aggregate aggregate, int index, List<Steps.Where> wheres, Scope scope) {
		int separator = aggregate.field().indexOf(PathResolver.SEPARATOR);
		String relation = (separator < 0) ? aggregate.field() : aggregate.field().substring(0, separator);
		if (scope.annotations().containsKey(relation)) {
			return null;
		}
		LookupPath path = this.targets.paths().resolve(scope.model(), aggregate.field());
		Q condition = aggregate.condition();
		if (path.hops().isEmpty() || !path.hops().get(0).isMultiValued() || (!relation.equals(aggregate.field())
				&& this.targets.paths().resolve(scope.model(), relation).hops().isEmpty())) {
			if (condition != null) {
				throw new InvalidLookupException(scope.model().name() + ": " + aggregate
						+ ": a filtered aggregate needs a many-valued relation to aggregate over");
			}
			return null;
		}
		List<Q> conditions = new ArrayList<>();
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
		ModelMetadata related = path.hops().get(0).target();
		if (related == null) {
			throw new InvalidLookupException(scope.model().name() + ": " + aggregate + ": the many-to-many '" + relation
					+ "' is carried by the through collection '" + path.hops().get(0).collection()
					+ "': a filter restricting what is aggregated over it is not supported; filter after annotate");
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

	/**
	 * The target of {@code selectRelated}: a forward foreign key (or a chain of them), joined as one document.
	 */
	private Target selectable(String relation, Scope scope) {
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

	/** The stored path of a lookup naming a field (no lookup or transform), or an annotation. */
	String storedPath(String lookup, Scope scope, String purpose) {
		Target target = this.targets.resolve(lookup, scope);
		if (!target.rest().isEmpty()) {
			ModelMetadata container = target.container();
			if (container != null) {
				throw this.targets.paths().unknownField(container, target.rest().get(0), lookup);
			}
			throw new FieldError("Cannot " + purpose + " '" + lookup + "' on " + scope.model().name()
					+ ": lookups and transforms ('" + String.join("__", target.rest()) + "') are not allowed here");
		}
		return target.storedPath();
	}

	private Target target(String lookup, Scope scope, String purpose) {
		Target target = this.targets.resolve(lookup, scope);
		if (!target.rest().isEmpty()) {
			storedPath(lookup, scope, purpose);
		}
		if (target.relationValued() && target.rest().isEmpty()) {
			// the related documents themselves (a reverse relation, a many-to-many in a through collection): their ids,
			// as Django's values() gives a relation's primary keys
			return this.targets.resolve(lookup + PathResolver.SEPARATOR + PathResolver.PK, scope);
		}
		return target;
	}

	TargetResolver targets() {
		return this.targets;
	}

	ExpressionCompiler expressions() {
		return this.expressions;
	}

}
