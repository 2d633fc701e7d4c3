package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Compiles Django's {@code union()}, {@code intersection()} and {@code difference()} of QuerySets of one model into
 * one plan, whose results are whole documents (or rows of values chosen on the parts or afterwards).
 * <p>
 * <b>As a filter</b>, which every server runs, when every part is a filter on the collection (no slice, join or
 * annotation) and no union keeps repeated results: a union is {@code $or} of the parts' filters, an intersection
 * {@code $and}, a difference the first part's filter and {@code $nor} of the others'. A document is in a part exactly
 * when it matches the part's filter, and it is one row of the result, so this is SQL's set operation on rows of
 * whole models.
 * <p>
 * <b>As a pipeline</b> otherwise: the first part's stages (with its sort and slice), each other part's in a
 * {@code $unionWith}, then one group per document id for a union without repeats, or, for an intersection or a
 * difference, one group collecting which parts each document came from, matched against all parts or against none
 * but the first. {@code $unionWith} needs MongoDB 4.4+.
 * <p>
 * Either way the model's default ordering applies to the result, as it does in Django; the parts' orderings only
 * decide what their slices hold. Rows of values are distinct after a union without repeats, an intersection or a
 * difference, as SQL's set operations make them.
 */
final class Combinations {

	/** The field naming the part a document came from, in the pipeline of an intersection or difference. */
	static final String PART = "__djongo_part";

	private static final String DOCUMENT = "__djongo_doc";

	private static final String PARTS = "__djongo_parts";

	private Combinations() {
	}

	/**
	 * The plan of {@code first.union(others)} and its siblings.
	 * @param all whether a union keeps repeated results
	 */
	static QueryPlan combine(QueryPlan first, Combination.Kind kind, boolean all, List<QueryPlan> others) {
		List<QueryPlan> parts = new ArrayList<>();
		parts.add(first);
		parts.addAll(others);
		parts.forEach((part) -> part.requireNestable(kind.name().toLowerCase(java.util.Locale.ROOT) + "()"));
		Projection.Values values = shape(first, kind, all, parts);
		QueryCompiler compiler = first.compiler();
		QueryPlan base = compiler.base(first.model().type()).withRelated(first.related());
		List<QueryPlan> live = parts.stream().filter((part) -> !part.isEmpty()).toList();
		boolean empty = switch (kind) {
			case UNION -> live.isEmpty();
			case INTERSECTION -> live.size() < parts.size();
			case DIFFERENCE -> first.isEmpty();
		};
		QueryPlan combined;
		if (empty) {
			combined = base.withCombination(new Combination(kind, all, null)).withNone();
		}
		else if (asFilter(kind, all, live)) {
			combined = base.withSteps(new Steps(base.scope(), List.of(), List.of(filter(kind, parts)), List.of(),
					List.of(), Map.of(), Set.of(), null, Map.of(), List.of(), Set.of(), Searches.NONE)).withCombination(new Combination(kind, all, null));
		}
		else {
			// every part is live here but for empty ones of a union or a difference, which add nothing
			combined = base.withCombination(new Combination(kind, all, pipeline(kind, all, live)));
		}
		if (values != null) {
			combined = compiler.values(combined, values.allFields() ? List.of() : values.keys(), values.shape(),
					values.flatType());
		}
		return (kind == Combination.Kind.UNION && all) ? combined : combined.withDistinct();
	}

	/** The values the parts select, the same for all; null when they are models. */
	private static Projection.@Nullable Values shape(QueryPlan first, Combination.Kind kind, boolean all,
			List<QueryPlan> parts) {
		String method = kind.method() + "()";
		Projection shape = first.projection();
		for (QueryPlan part : parts) {
			if (part.model() != first.model()) {
				throw new InvalidDataAccessApiUsageException(method + " combines QuerySets of one model: "
						+ first.model().name() + " and " + part.model().name());
			}
			if (!part.annotations().isEmpty()) {
				throw new InvalidDataAccessApiUsageException(first.model().name() + ": annotate() on a QuerySet combined"
						+ " by " + method + " is not supported; combine QuerySets of models and values");
			}
			if (part.projection() instanceof Projection.Entities entities && entities.isPartial()) {
				throw new InvalidDataAccessApiUsageException(first.model().name() + ": only() or defer() on a QuerySet"
						+ " combined by " + method + " is not supported; combine whole models");
			}
			if (part.isDistinct() && part.projection() instanceof Projection.Values
					&& (part.isSliced() || (kind == Combination.Kind.UNION && all))) {
				// the parts are combined as documents: their distinct rows would be lost
				throw new InvalidDataAccessApiUsageException(first.model().name() + ": distinct() values in a QuerySet"
						+ " combined by " + (all ? "unionAll()" : method) + " are not supported when sliced or repeated;"
						+ " use union(), which removes repeated rows");
			}
			if (!sameShape(shape, part.projection())) {
				throw new InvalidDataAccessApiUsageException(first.model().name() + ": the QuerySets combined by "
						+ method + " must select the same columns: all models, or values() of the same fields");
			}
		}
		if (shape instanceof Projection.Values values) {
			requireIdentity(first, kind, values);
			return values;
		}
		return null;
	}

	private static boolean sameShape(Projection one, Projection other) {
		if (one instanceof Projection.Values a && other instanceof Projection.Values b) {
			return a.keys().equals(b.keys()) && a.shape() == b.shape() && Objects.equals(a.flatType(), b.flatType());
		}
		return one instanceof Projection.Entities && other instanceof Projection.Entities;
	}

	/**
	 * SQL intersects and subtracts rows of values, djongo documents: the same when a row holds the id. Other rows of
	 * values after an intersection or a difference are refused rather than answered differently.
	 */
	static void requireIdentity(QueryPlan plan, Combination.Kind kind, Projection.Values values) {
		if (kind == Combination.Kind.UNION || values.allFields()) {
			return;
		}
		for (Target target : values.targets()) {
			if (target.storedPath().equals(plan.model().idField()) && target.joins().isEmpty()) {
				return;
			}
		}
		throw new InvalidDataAccessApiUsageException(plan.model().name() + ": values() after " + kind.method()
				+ "() must include the id (\"pk\"): djongo " + ((kind == Combination.Kind.INTERSECTION) ? "intersects"
						: "subtracts") + " documents, not rows of values as SQL does, and these differ without the id");
	}

	/** Whether a filter on the collection expresses the combination: no part needs a pipeline, no repeats. */
	private static boolean asFilter(Combination.Kind kind, boolean all, List<QueryPlan> live) {
		if (kind == Combination.Kind.UNION && all && live.size() > 1) {
			return false;
		}
		for (QueryPlan part : live) {
			Combination combination = part.combination();
			if (part.isSliced() || !part.steps().after().isEmpty() || !part.steps().joins().isEmpty()
					|| (combination != null && combination.pipeline() != null)) {
				return false;
			}
		}
		return true;
	}

	private static Filter filter(Combination.Kind kind, List<QueryPlan> parts) {
		List<Filter> filters = new ArrayList<>();
		for (QueryPlan part : parts) {
			filters.add(part.isEmpty() ? Filter.FALSE : part.filter());
		}
		return switch (kind) {
			case UNION -> Filter.or(filters);
			case INTERSECTION -> Filter.and(filters);
			case DIFFERENCE -> Filter.and(List.of(filters.get(0), Filter.or(filters.subList(1, filters.size())).not()));
		};
	}

	/** The {@code $unionWith} pipeline of the parts, each with its own stages, sort and slice. */
	private static List<Bson> pipeline(Combination.Kind kind, boolean all, List<QueryPlan> parts) {
		boolean tagged = kind != Combination.Kind.UNION;
		List<Bson> pipeline = new ArrayList<>(stagesOf(parts.get(0), tagged ? 0 : -1));
		for (int i = 1; i < parts.size(); i++) {
			pipeline.add(new Document("$unionWith", new Document("coll", parts.get(i).collection()).append("pipeline",
					stagesOf(parts.get(i), tagged ? i : -1))));
		}
		if (kind == Combination.Kind.UNION) {
			if (!all) {
				pipeline.add(new Document("$group", new Document("_id", "$_id").append(DOCUMENT,
						new Document("$first", "$$ROOT"))));
				pipeline.add(new Document("$replaceRoot", new Document("newRoot", "$" + DOCUMENT)));
			}
			return pipeline;
		}
		List<Integer> others = new ArrayList<>();
		List<Integer> every = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			every.add(i);
			if (i > 0) {
				others.add(i);
			}
		}
		pipeline.add(new Document("$group", new Document("_id", "$_id")
			.append(DOCUMENT, new Document("$first", "$$ROOT"))
			.append(PARTS, new Document("$addToSet", "$" + PART))));
		pipeline.add(new Document("$match", (kind == Combination.Kind.INTERSECTION)
				? new Document(PARTS, new Document("$all", every)) : new Document(PARTS, new Document("$nin", others))));
		pipeline.add(new Document("$replaceRoot", new Document("newRoot", "$" + DOCUMENT)));
		pipeline.add(new Document("$project", new Document(PART, 0)));
		return pipeline;
	}

	/** A part's stages as its listing has them, less what the joins added, tagged with the part's number. */
	private static List<Bson> stagesOf(QueryPlan part, int tag) {
		List<Bson> stages = part.stages(true);
		Document hidden = new Document();
		if (part.effectiveSort().random()) {
			hidden.append(QueryPlan.RANDOM_KEY, 0);
		}
		for (Join join : part.joins()) {
			hidden.putIfAbsent(join.alias(), 0);
		}
		if (!hidden.isEmpty()) {
			stages.add(new Document("$project", hidden));
		}
		if (tag >= 0) {
			stages.add(new Document("$addFields", new Document(PART, tag)));
		}
		return stages;
	}

}
