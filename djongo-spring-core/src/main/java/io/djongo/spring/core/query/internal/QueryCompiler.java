package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	private final Annotator annotator;

	private final Orderings orderings;

	private final Listings listings;

	private final Prefetcher prefetcher;

	private final Map<Class<?>, QueryPlan> bases = new ConcurrentHashMap<>();

	private final Map<Class<?>, Sort> defaultSorts = new ConcurrentHashMap<>();

	QueryCompiler(TargetResolver targets, FilterCompiler filters, ExpressionCompiler expressions, RowMappers rows,
			Prefetcher prefetcher) {
		this.targets = targets;
		this.filters = filters;
		this.expressions = expressions;
		this.annotator = new Annotator(targets, filters, expressions);
		this.orderings = new Orderings(targets, expressions);
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
		FilterCompiler.Compiled compiled = this.filters.compile(condition, plan.scope(), exclude, plan.nextSubquery());
		Filter filter = exclude ? compiled.filter().not() : compiled.filter();
		return plan.withSteps(plan.steps().where(new Steps.Where(condition, exclude), filter, compiled.uses()));
	}

	/** {@code search(text)}: the model's text search, as a {@code __search} lookup on its text index. */
	QueryPlan search(QueryPlan plan, String text) {
		if (text == null) {
			throw new InvalidLookupException(plan.model().name() + ": search() needs a text, not null");
		}
		Uses uses = new Uses();
		uses.text();
		Filter filter = Filter.of(FilterCompiler.condition(Lookup.SEARCH, text, Operand.field("$text")));
		return plan.withSteps(plan.steps().where(new Steps.Where(Q.and(), false), filter, uses));
	}

	/** {@code annotate}, or Django's {@code alias} when hidden. */
	QueryPlan annotate(QueryPlan plan, String name, Expression expression, boolean hide) {
		return this.annotator.annotate(plan, name, expression, hide);
	}

	/** @param ordering field names ({@code "-rating"}, {@code "?"}), expressions and {@code OrderBy}s */
	QueryPlan orderBy(QueryPlan plan, List<?> ordering) {
		return plan.withSort(this.orderings.sort(ordering, plan.scope(), plan.nextSubquery()));
	}

	/** The model's default ordering, resolved once. */
	Sort defaultSort(ModelMetadata model) {
		Sort sort = this.defaultSorts.get(model.type());
		if (sort == null) {
			sort = model.ordering().isEmpty() ? Sort.NONE
					: this.orderings.sort(model.ordering(), new Scope(model, Map.of()), 0);
			this.defaultSorts.putIfAbsent(model.type(), sort);
		}
		return sort;
	}

	QueryPlan values(QueryPlan plan, List<String> fields, Projection.Values.Shape shape, @Nullable Class<?> flatType) {
		boolean all = fields.isEmpty();
		List<String> keys = all ? List.copyOf(plan.model().fields().keySet()) : List.copyOf(fields);
		if (shape == Projection.Values.Shape.FLAT && keys.size() != 1) {
			throw new FieldError(plan.model().name() + ": a flat values list takes exactly one field, not " + keys);
		}
		List<Target> resolved = new ArrayList<>();
		QueryPlan computed = plan;
		for (String key : keys) {
			if (computed.steps().hidden().contains(key) && !key.contains(PathResolver.SEPARATOR)) {
				throw new FieldError("Cannot select the '" + key + "' alias. Use annotate() to promote it.");
			}
			Target target = this.targets.resolve(key, computed.scope());
			if (!target.rest().isEmpty() && target.rest().stream().allMatch((part) -> Transform.named(part) != null)) {
				// Django's values("publishedDate__year"): the transform computed under the lookup's name
				Uses uses = new Uses();
				ExpressionCompiler.Result value = this.expressions.compile(F.of(key), computed.scope(), uses);
				computed = computed.withSteps(computed.steps().annotate(key, value.type(), value.expression(), uses, true));
				target = this.targets.resolve(key, computed.scope());
			}
			resolved.add(target(key, computed.scope(), target, "select values of"));
		}
		return computed.withProjection(new Projection.Values(keys, List.copyOf(resolved), all, shape, flatType,
				Set.copyOf(computed.scope().annotations().keySet())));
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
	Aggregated aggregate(QueryPlan plan, List<Expression> expressions) {
		List<String> keys = new ArrayList<>();
		for (Expression expression : expressions) {
			String key = key(expression);
			if (keys.contains(key)) {
				throw new InvalidLookupException(plan.model().name() + ": two aggregates share the key '" + key
						+ "'; give one of them another name with as(...)");
			}
			if (!ExpressionCompiler.containsAggregate(expression)) {
				throw new InvalidLookupException(plan.model().name() + ": " + expression
						+ " is not an aggregate expression");
			}
			keys.add(key);
		}
		plan.requireStandalone();
		Uses uses = new Uses(plan.nextSubquery());
		Document group = new Document("_id", null);
		Document project = new Document("_id", 0);
		Aggregations.Group sink = this.annotator.aggregations().new Group(group, "a", false,
				this.annotator.restriction(plan.steps().wheres()));
		Map<String, Class<?>> types = new java.util.LinkedHashMap<>();
		for (int i = 0; i < expressions.size(); i++) {
			ExpressionCompiler.Result result = this.expressions.compile(expressions.get(i),
					new ExpressionCompiler.Context(plan.scope(), uses, sink));
			project.append(keys.get(i), result.expression());
			types.put(keys.get(i), result.type());
		}
		if (plan.isEmpty()) {
			return new Aggregated(null, types);
		}
		List<Bson> pipeline = plan.stages(plan.isSliced());
		List<Join> joined = plan.joins();
		for (Join join : uses.joins()) {
			if (!joined.contains(join)) {
				pipeline.addAll(join.stages());
			}
		}
		pipeline.add(new Document("$group", group));
		pipeline.add(new Document("$project", project));
		return new Aggregated(new Command.Pipeline(plan.collection(), pipeline), types);
	}

	/**
	 * The command of {@code aggregate(...)} and the type of each result.
	 * @param command the command, or null when the result is known to be empty
	 */
	record Aggregated(Command.@Nullable Pipeline command, Map<String, Class<?>> types) {
	}

	/** The key of an aggregate's result: its alias, else Django's default ({@code rating__avg}). */
	static String key(Expression expression) {
		String alias = expression.alias();
		if (alias != null) {
			return alias;
		}
		if (expression instanceof Aggregate aggregate) {
			return aggregate.key();
		}
		throw new InvalidLookupException("Complex aggregates require an alias: give " + expression
				+ " a name with as(...)");
	}

	// ---- resolving names

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

	private Target target(String lookup, Scope scope, Target target, String purpose) {
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
