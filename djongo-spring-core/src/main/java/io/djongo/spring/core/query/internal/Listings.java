package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.FieldError;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * Assembles the {@link QueryPlan.Listing} of a compiled plan, once per plan: the one command, a {@code find} when
 * the plan allows one, else an {@code aggregate} with the projection last, and the mapping of each document to a
 * model or a row of values. The values of all fields take the annotations made after {@code values()} too.
 */
final class Listings {

	private final TargetResolver targets;

	private final RowMappers rows;

	Listings(TargetResolver targets, RowMappers rows) {
		this.targets = targets;
		this.rows = rows;
	}

	/** The listing of a plan: its one command and how each document becomes a result. */
	QueryPlan.Listing listing(QueryPlan plan) {
		if (plan.projection() instanceof Projection.Values values) {
			ValueTargets selected = valueTargets(plan, values);
			var mapper = this.rows.values(selected.keys(), selected.targets(), values.shape(), values.flatType());
			if (plan.isEmpty()) {
				return new QueryPlan.Listing(null, mapper);
			}
			if (plan.isDistinct()) {
				return new QueryPlan.Listing(new Command.Pipeline(plan.collection(),
						plan.distinctStages(distinctKey(plan, selected.targets()), true)), mapper);
			}
			Document projection = new Document();
			boolean idRequested = false;
			for (Target target : selected.targets()) {
				projection.append(target.storedPath(), 1);
				idRequested |= target.storedPath().equals("_id");
			}
			if (!idRequested) {
				projection.append("_id", 0);
			}
			return new QueryPlan.Listing(read(plan, projection), mapper);
		}
		Projection.Entities entities = (Projection.Entities) plan.projection();
		List<String> select = new ArrayList<>(plan.related().select());
		select.sort(Comparator.comparingInt(String::length));
		Map<String, Class<?>> annotations = new LinkedHashMap<>();
		plan.steps().shown().forEach((name) -> annotations.put(name, plan.scope().annotations().get(name)));
		var mapper = this.rows.entities(plan.model().type(), entities.isPartial(), annotations, select);
		if (plan.isEmpty()) {
			return new QueryPlan.Listing(null, mapper);
		}
		boolean wholeModels = !entities.isPartial() && plan.annotations().isEmpty() && select.isEmpty();
		Document projection = null;
		if (!entities.only().isEmpty()) {
			projection = new Document();
			for (String path : entities.only()) {
				projection.append(path, 1);
			}
			// a projection keeps _id unless told; an id stored elsewhere (Django storage) is kept as Django keeps it
			if (!plan.model().idField().equals("_id")) {
				projection.putIfAbsent(plan.model().idField(), 1);
			}
			for (String annotation : plan.steps().shown()) {
				projection.append(annotation, 1);
			}
			for (String alias : plan.related().selectAliases()) {
				projection.append(alias, 1);
			}
		}
		else if (!entities.defer().isEmpty()) {
			projection = new Document();
			for (String path : entities.defer()) {
				projection.append(path, 0);
			}
		}
		return new QueryPlan.Listing(read(plan, projection), mapper, wholeModels && projection == null);
	}

	/** A find when the plan allows one, else the pipeline, with the projection last. */
	private static Command.Read read(QueryPlan plan, @Nullable Document projection) {
		Sort sort = plan.effectiveSort();
		if (plan.isFind()) {
			return new Command.Find(plan.collection(), plan.filter().toBson(),
					sort.document().isEmpty() ? null : sort.document(), plan.offset(), plan.limit(), projection);
		}
		List<Bson> stages = plan.stages(true);
		if (projection != null) {
			stages.add(new Document("$project", projection));
		}
		else {
			// what the pipeline added and the results do not show: the random key, computed sort keys, hidden
			// annotations, joins not selected
			Document hidden = new Document();
			if (sort.random()) {
				hidden.append(QueryPlan.RANDOM_KEY, 0);
			}
			for (String key : sort.computed().keySet()) {
				hidden.append(key, 0);
			}
			for (String annotation : plan.steps().hidden()) {
				hidden.putIfAbsent(annotation, 0);
			}
			for (Join join : plan.joins()) {
				if (!plan.related().selectAliases().contains(join.alias())) {
					hidden.putIfAbsent(join.alias(), 0);
				}
			}
			if (!hidden.isEmpty()) {
				stages.add(new Document("$project", hidden));
			}
		}
		return new Command.Pipeline(plan.collection(), stages);
	}

	/** The keys and targets of values: all fields' then every annotation's, or the requested ones. */
	private ValueTargets valueTargets(QueryPlan plan, Projection.Values values) {
		List<String> shown = new ArrayList<>(plan.steps().shown());
		if (!values.allFields()) {
			// only the annotations made after values(), as Django selects them
			shown.removeAll(values.annotationsBefore());
			shown.removeAll(values.keys());
		}
		if (shown.isEmpty() || values.shape() == Projection.Values.Shape.FLAT) {
			return new ValueTargets(values.keys(), values.targets());
		}
		List<String> keys = new ArrayList<>(values.keys());
		List<Target> targets = new ArrayList<>(values.targets());
		for (String annotation : shown) {
			keys.add(annotation);
			targets.add(this.targets.resolve(annotation, plan.scope()));
		}
		return new ValueTargets(keys, targets);
	}

	private record ValueTargets(List<String> keys, List<Target> targets) {
	}

	/** The group key of distinct values: the requested fields and, as Django does, the ordering fields. */
	Document distinctKey(QueryPlan plan, Projection.Values values) {
		return distinctKey(plan, valueTargets(plan, values).targets());
	}

	private static Document distinctKey(QueryPlan plan, List<Target> targets) {
		Document key = new Document();
		for (Target target : targets) {
			if (target.isMultiValued()) {
				throw new FieldError(target.description() + ": distinct() over values through a list is not supported");
			}
			putPath(key, target.storedPath());
		}
		for (String path : plan.effectiveSort().document().keySet()) {
			putPath(key, path);
		}
		return key;
	}

	/** Puts {@code "$a.b"} at {@code a -> b} of a nested expression object, so the group key keeps the stored shape. */
	static void putPath(Document key, String path) {
		String[] parts = StringUtils.delimitedListToStringArray(path, ".");
		Document current = key;
		for (int i = 0; i < parts.length - 1; i++) {
			Object next = current.get(parts[i]);
			if (next instanceof String) {
				return;
			}
			if (next == null) {
				next = new Document();
				current.put(parts[i], next);
			}
			current = (Document) next;
		}
		current.putIfAbsent(parts[parts.length - 1], "$" + path);
	}

}
