package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.djongo.spring.core.model.ModelMetadata;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * A QuerySet compiled: every chain call made so far, each compiled once by {@link QueryCompiler} when it was made,
 * and the one {@link Listing} they make together, assembled at the first evaluation and kept.
 * <p>
 * The listing is one {@code find} when nothing needs the aggregation pipeline, else one {@code aggregate}: the
 * filter on stored fields, the joins of the relations crossed, the annotations, the filter on joins and
 * annotations, the sort, the slice and the projection, in this order. The other evaluations send commands built
 * from the same parts ({@link #countCommand()}, {@link #existsCommand()}, {@link #stages(boolean)}). Immutable.
 */
final class QueryPlan {

	static final String RANDOM_KEY = "__djongo_random";

	private final QueryCompiler compiler;

	private final ModelMetadata model;

	private final Steps steps;

	private final @Nullable Sort sort;

	private final boolean reversed;

	private final long offset;

	private final @Nullable Long limit;

	private final Projection projection;

	private final boolean none;

	private final boolean distinct;

	private final Related related;

	private final @Nullable Combination combination;

	private volatile @Nullable Listing listing;

	QueryPlan(QueryCompiler compiler, ModelMetadata model) {
		this(compiler, model, Steps.of(model), null, false, 0, null, new Projection.Entities(List.of(), List.of()),
				false, false, Related.NONE, null);
	}

	private QueryPlan(QueryCompiler compiler, ModelMetadata model, Steps steps, @Nullable Sort sort, boolean reversed,
			long offset, @Nullable Long limit, Projection projection, boolean none, boolean distinct, Related related,
			@Nullable Combination combination) {
		this.compiler = compiler;
		this.model = model;
		this.steps = steps;
		this.sort = sort;
		this.reversed = reversed;
		this.offset = offset;
		this.limit = limit;
		this.projection = projection;
		this.none = none;
		this.distinct = distinct;
		this.related = related;
		this.combination = combination;
	}

	// ---- the evaluations

	/**
	 * What listing the QuerySet sends and how each document becomes a result.
	 * @param command the command, or null when the result is known to be empty
	 * @param mapper from document to result
	 * @param wholeModels whether each result is the model its whole document holds, nothing set on it besides
	 * (no annotation, no related model selected): what a {@link ModelDecoders model decoder} may decode
	 */
	record Listing(Command.@Nullable Read command, Function<Document, @Nullable Object> mapper, boolean wholeModels) {

		Listing(Command.@Nullable Read command, Function<Document, @Nullable Object> mapper) {
			this(command, mapper, false);
		}

	}

	/** The listing, assembled once. */
	Listing listing() {
		requireStandalone();
		Listing result = this.listing;
		if (result == null) {
			result = this.compiler.listings().listing(this);
			this.listing = result;
		}
		return result;
	}

	/** Whether the result is known to be empty without asking the server. */
	boolean isEmpty() {
		return this.none || (this.limit != null && this.limit == 0) || filter().isFalse() || joinedFilter().isFalse()
				|| Filter.and(this.steps.having()).isFalse();
	}

	/** Whether one {@code find} can answer: no join, annotation or random order needs the pipeline. */
	boolean isFind() {
		Sort sort = effectiveSort();
		return joins().isEmpty() && this.steps.annotations().isEmpty() && this.steps.after().isEmpty()
				&& this.steps.searches().geoNear() == null
				&& this.steps.grouping() == null && !sort.random() && sort.computed().isEmpty()
				&& (this.combination == null || this.combination.pipeline() == null);
	}

	/**
	 * Django's "This queryset contains a reference to an outer query and may only be used in a subquery.": a plan
	 * reading {@code OuterRef}s has no command of its own.
	 */
	void requireStandalone() {
		if (!this.steps.outerRefs().isEmpty()) {
			throw new org.springframework.dao.InvalidDataAccessApiUsageException("This QuerySet of " + this.model.name()
					+ " contains a reference to an outer query (OuterRef " + this.steps.outerRefs()
					+ ") and may only be used in a subquery");
		}
	}

	/**
	 * Fails for a plan that cannot be part of another one: MongoDB allows {@code $geoNear} and {@code $text} only in
	 * the first stage of the whole pipeline.
	 * @param use what the plan would be part of, for the message
	 */
	void requireNestable(String use) {
		Searches searches = this.steps.searches();
		if (searches.any()) {
			throw new org.springframework.dao.InvalidDataAccessApiUsageException("A QuerySet of " + this.model.name()
					+ " with " + ((searches.geoNear() != null) ? "near or GeoDistance" : "a text search")
					+ " cannot be used in " + use + ": MongoDB allows "
					+ ((searches.geoNear() != null) ? "$geoNear" : "$text") + " only in the first stage of a query");
		}
	}

	/** The number of the next subquery joined: above every one joined so far, so that names stay unique. */
	int nextSubquery() {
		int next = 0;
		String prefix = TargetResolver.JOIN_PREFIX + "sq";
		List<Join> all = new ArrayList<>(this.steps.joins());
		if (this.sort != null) {
			all.addAll(this.sort.joins());
		}
		for (Join join : all) {
			if (join.isSubquery() && join.alias().startsWith(prefix)) {
				next = Math.max(next, Integer.parseInt(join.alias().substring(prefix.length())) + 1);
			}
		}
		return next;
	}

	Filter filter() {
		return Filter.and(this.steps.before());
	}

	Filter joinedFilter() {
		return Filter.and(this.steps.after());
	}

	/** Every join the plan needs: of filters and annotations, ordering, values, then selected relations. */
	List<Join> joins() {
		List<Join> joins = this.steps.joins();
		List<Join> others = new ArrayList<>(effectiveSort().joins());
		if (this.projection instanceof Projection.Values values) {
			values.targets().forEach((target) -> others.addAll(target.joins()));
		}
		others.addAll(this.related.selectJoins());
		for (Join join : others) {
			joins = Join.merge(joins, join);
		}
		return joins;
	}

	/** The ordering in force: explicit, else the model's default; reversed when asked. */
	Sort effectiveSort() {
		// as Django 3.1+, the model's default ordering does not apply to a grouped query
		GeoNear near = this.steps.searches().geoNear();
		// as MongoDB's $near, a near lookup orders by distance unless told otherwise
		Sort resolved = (this.sort != null) ? this.sort
				: (this.steps.grouping() != null) ? Sort.NONE
						: (near != null && near.orders()) ? new Sort(new Document(GeoNear.DISTANCE, 1), false, List.of())
								: this.compiler.defaultSort(this.model);
		return this.reversed ? resolved.reversed() : resolved;
	}

	boolean isOrdered() {
		GeoNear near = this.steps.searches().geoNear();
		return (this.sort != null) ? this.sort.isOrdered()
				: !this.model.ordering().isEmpty() || (near != null && near.orders());
	}

	/**
	 * The stages up to the slice: the match on stored fields, the joins, the annotations and the match on them, the
	 * sort when asked, then skip and limit.
	 */
	List<Bson> stages(boolean sorted) {
		List<Bson> stages = unsliced(sorted);
		slice(stages);
		return stages;
	}

	private List<Bson> unsliced(boolean sorted) {
		List<Bson> stages = new ArrayList<>();
		if (this.combination != null && this.combination.pipeline() != null) {
			// the documents of a combination no filter expresses come first, as the collection's would
			stages.addAll(this.combination.pipeline());
		}
		Filter filter = filter();
		Searches searches = this.steps.searches();
		if (searches.textScore() && !searches.text()) {
			throw new org.springframework.dao.InvalidDataAccessApiUsageException(this.model.name() + ": TextScore needs"
					+ " a text search in the same QuerySet: search(...) or a __search lookup");
		}
		GeoNear near = searches.geoNear();
		if (near != null) {
			if (!stages.isEmpty()) {
				throw new org.springframework.dao.InvalidDataAccessApiUsageException(this.model.name() + ": "
						+ near.description() + " cannot be combined with union(), intersection() or difference()");
			}
			stages.add(near.stage(filter));
		}
		else if (!filter.isTrue()) {
			stages.add(new Document("$match", filter.toBson()));
		}
		for (Join join : joins()) {
			stages.addAll(join.stages());
		}
		if (!this.steps.annotations().isEmpty()) {
			stages.add(new Document("$addFields", new Document(new LinkedHashMap<>(this.steps.annotations()))));
		}
		Filter joinedFilter = joinedFilter();
		if (!joinedFilter.isTrue()) {
			stages.add(new Document("$match", joinedFilter.toBson()));
		}
		Steps.Grouping grouping = this.steps.grouping();
		if (grouping != null) {
			stages.addAll(grouping.stages(this.steps, (this.sort != null) ? this.sort : Sort.NONE));
		}
		Sort computed = effectiveSort();
		if (!computed.computed().isEmpty()) {
			stages.add(new Document("$addFields", computed.computed()));
		}
		if (sorted) {
			Sort sort = effectiveSort();
			if (sort.random()) {
				stages.add(new Document("$addFields", new Document(RANDOM_KEY, new Document("$rand", new Document()))));
				stages.add(new Document("$sort", new Document(RANDOM_KEY, 1)));
			}
			else if (!sort.document().isEmpty()) {
				stages.add(new Document("$sort", sort.document()));
			}
		}
		return stages;
	}

	private void slice(List<Bson> stages) {
		if (this.offset > 0) {
			stages.add(new Document("$skip", Command.number(this.offset)));
		}
		if (this.limit != null) {
			stages.add(new Document("$limit", Command.number(this.limit)));
		}
	}

	/**
	 * The stages of distinct rows of values: group on the requested fields (and, as Django does, on the ordering
	 * fields), then sort and slice the groups.
	 */
	List<Bson> distinctStages(Document key, boolean sorted) {
		List<Bson> stages = unsliced(false);
		stages.add(new Document("$group", new Document("_id", key)));
		stages.add(new Document("$replaceRoot", new Document("newRoot", "$_id")));
		Document sort = effectiveSort().document();
		if (sorted && !sort.isEmpty()) {
			stages.add(new Document("$sort", sort));
		}
		slice(stages);
		return stages;
	}

	/**
	 * What {@code count()} sends: the listing's stages without sort or projection, then one group counting them; an
	 * aggregate also for a plan a find answers (as the driver's {@code countDocuments} does). Null when empty.
	 */
	Command.@Nullable Pipeline countCommand() {
		requireStandalone();
		if (isEmpty()) {
			return null;
		}
		List<Bson> stages = (this.distinct && this.projection instanceof Projection.Values values)
				? distinctStages(this.compiler.listings().distinctKey(this, values), false) : stages(false);
		stages.add(new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))));
		return new Command.Pipeline(collection(), stages);
	}

	/**
	 * What {@code exists()} sends: the listing without sort, limited to one result and projected on its id. Null
	 * when empty.
	 */
	Command.@Nullable Read existsCommand() {
		requireStandalone();
		if (isEmpty()) {
			return null;
		}
		if (this.distinct && this.projection instanceof Projection.Values values) {
			List<Bson> stages = distinctStages(this.compiler.listings().distinctKey(this, values), false);
			stages.add(new Document("$limit", 1));
			return new Command.Pipeline(collection(), stages);
		}
		Document id = new Document("_id", 1);
		if (isFind()) {
			return new Command.Find(collection(), filter().toBson(), null, this.offset, 1L, id);
		}
		List<Bson> stages = unsliced(false);
		if (this.offset > 0) {
			stages.add(new Document("$skip", Command.number(this.offset)));
		}
		stages.add(new Document("$limit", 1));
		stages.add(new Document("$project", id));
		return new Command.Pipeline(collection(), stages);
	}

	String collection() {
		String collection = this.model.collection();
		if (collection == null) {
			throw new IllegalArgumentException(this.model.name()
					+ " is a container (no @Document), it has no collection to query");
		}
		return collection;
	}

	// ---- accessors

	QueryCompiler compiler() {
		return this.compiler;
	}

	ModelMetadata model() {
		return this.model;
	}

	Scope scope() {
		return this.steps.scope();
	}

	Steps steps() {
		return this.steps;
	}

	Map<String, Object> annotations() {
		return this.steps.annotations();
	}

	long offset() {
		return this.offset;
	}

	@Nullable Long limit() {
		return this.limit;
	}

	boolean isSliced() {
		return this.offset > 0 || this.limit != null;
	}

	Projection projection() {
		return this.projection;
	}

	boolean isDistinct() {
		return this.distinct;
	}

	Related related() {
		return this.related;
	}

	/** How union(), intersection() or difference() made this plan; null for any other. */
	@Nullable Combination combination() {
		return this.combination;
	}

	// ---- the next plans

	QueryPlan withSteps(Steps steps) {
		return new QueryPlan(this.compiler, this.model, steps, this.sort, this.reversed, this.offset, this.limit,
				this.projection, this.none, this.distinct, this.related, this.combination);
	}

	QueryPlan withSort(Sort sort) {
		return new QueryPlan(this.compiler, this.model, this.steps, sort, false, this.offset, this.limit,
				this.projection, this.none, this.distinct, this.related, this.combination);
	}

	QueryPlan reversed() {
		return new QueryPlan(this.compiler, this.model, this.steps, this.sort, !this.reversed, this.offset, this.limit,
				this.projection, this.none, this.distinct, this.related, this.combination);
	}

	QueryPlan withSlice(long offset, @Nullable Long limit) {
		return new QueryPlan(this.compiler, this.model, this.steps, this.sort, this.reversed, offset, limit,
				this.projection, this.none, this.distinct, this.related, this.combination);
	}

	QueryPlan withProjection(Projection projection) {
		return new QueryPlan(this.compiler, this.model, this.steps, this.sort, this.reversed, this.offset, this.limit,
				projection, this.none, this.distinct, this.related, this.combination);
	}

	QueryPlan withNone() {
		return new QueryPlan(this.compiler, this.model, this.steps, this.sort, this.reversed, this.offset, this.limit,
				this.projection, true, this.distinct, this.related, this.combination);
	}

	QueryPlan withDistinct() {
		return new QueryPlan(this.compiler, this.model, this.steps, this.sort, this.reversed, this.offset, this.limit,
				this.projection, this.none, true, this.related, this.combination);
	}

	QueryPlan withCombination(Combination combination) {
		return new QueryPlan(this.compiler, this.model, this.steps, this.sort, this.reversed, this.offset, this.limit,
				this.projection, this.none, this.distinct, this.related, combination);
	}

	QueryPlan withRelated(Related related) {
		return new QueryPlan(this.compiler, this.model, this.steps, this.sort, this.reversed, this.offset, this.limit,
				this.projection, this.none, this.distinct, related, this.combination);
	}


}
