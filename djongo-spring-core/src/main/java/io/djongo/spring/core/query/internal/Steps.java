package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Q;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * The filters and annotations, in the order they were added (the order matters to Django).
 * @param scope the model and the annotations so far, which later steps can use
 * @param wheres every filter call, for Django's filter-before-annotate rule
 * @param before the conditions on stored fields, placed before any join
 * @param after the conditions on joined documents and annotations, placed after them (before any grouping)
 * @param joins the relations and subqueries joined for the filters and annotations, merged
 * @param annotations annotation names and their per-document expressions, computed before any grouping
 * @param hidden the annotations not shown in results: {@code alias()} and computed {@code values()}
 * @param grouping Django's GROUP BY of {@code values(...).annotate(aggregate)}, or null
 * @param post annotations computed after the grouping, over its aggregates
 * @param having the conditions on the grouping's aggregates, placed after it
 * @param outerRefs the fields of an outer query read through {@code OuterRef}: the plan is only a subquery
 * @param searches the {@code $geoNear} stage and text search asked for
 */
record Steps(Scope scope, List<Steps.Where> wheres, List<Filter> before, List<Filter> after, List<Join> joins,
		Map<String, Object> annotations, Set<String> hidden, Steps.@Nullable Grouping grouping,
		Map<String, Object> post, List<Filter> having, Set<String> outerRefs, Searches searches) {

	static Steps of(ModelMetadata model) {
		return new Steps(new Scope(model, Map.of()), List.of(), List.of(), List.of(), List.of(), Map.of(), Set.of(),
				null, Map.of(), List.of(), Set.of(), Searches.NONE);
	}

	/**
	 * Django's GROUP BY: the values selected before the first aggregate annotation (and the plain annotations made
	 * after it) are the group key, each aggregate annotation a value computed from {@code $group} accumulators.
	 * @param keys what the group key reads
	 * @param accumulators the accumulators of the {@code $group} stage
	 * @param results each aggregate annotation's expression over the accumulators
	 */
	record Grouping(List<Target> keys, Document accumulators, Map<String, Object> results) {

		/** The key's value at a dotted path read as null when missing. */
		private static void nullable(Document key, String path) {
			String[] parts = path.split("\\.");
			Document current = key;
			for (int i = 0; i < parts.length - 1; i++) {
				if (!(current.get(parts[i]) instanceof Document next)) {
					return;
				}
				current = next;
			}
			String last = parts[parts.length - 1];
			if (("$" + path).equals(current.get(last))) {
				current.put(last, new Document("$ifNull", Arrays.asList("$" + path, null)));
			}
		}

		/** The names that exist only after the grouping. */
		Set<String> names() {
			return this.results.keySet();
		}

		/**
		 * One {@code $group} by the key (the values selected, and, as Django does, the fields ordered by), then each
		 * group as one document shaped as the stored documents, with the aggregates beside the key's fields; then the
		 * annotations and conditions over the aggregates.
		 */
		List<Bson> stages(Steps steps, Sort sort) {
			Document key = new Document();
			List<Bson> stages = new ArrayList<>();
			Set<String> unwound = new LinkedHashSet<>();
			for (Target target : this.keys) {
				if (target.isMultiValued()) {
					// Django groups the join's rows: one document per value of the list, none kept as a null
					String list = target.unwindPath();
					if (list == null) {
						throw new FieldError(target.description()
								+ ": grouping by values through more than one list is not supported");
					}
					if (unwound.add(list)) {
						stages.add(new Document("$unwind",
								new Document("path", "$" + list).append("preserveNullAndEmptyArrays", true)));
					}
				}
				Listings.putPath(key, target.storedPath());
				if (target.isMultiValued()) {
					// no related row (missing after the unwind) and a null value are one group, as SQL's NULL
					nullable(key, target.storedPath());
				}
			}
			for (String path : sort.document().keySet()) {
				if (!names().contains(path) && !steps.post().containsKey(path) && !sort.computed().containsKey(path)) {
					Listings.putPath(key, path);
				}
			}
			Document group = new Document("_id", key);
			group.putAll(this.accumulators);
			stages.add(new Document("$group", group));
			Document merged = new Document();
			this.results.forEach(merged::append);
			stages.add(new Document("$replaceRoot",
					new Document("newRoot", new Document("$mergeObjects", List.of("$_id", merged)))));
			if (!steps.post().isEmpty()) {
				stages.add(new Document("$addFields", new Document(new LinkedHashMap<>(steps.post()))));
			}
			Filter having = Filter.and(steps.having());
			if (!having.isTrue()) {
				stages.add(new Document("$match", having.toBson()));
			}
			return stages;
		}

	}

	/** Whether a condition or expression reads what exists only after the grouping. */
	boolean readsGrouped(Uses uses) {
		if (this.grouping == null) {
			return false;
		}
		for (String name : uses.annotationNames()) {
			if (this.grouping.names().contains(name) || this.post.containsKey(name)) {
				return true;
			}
		}
		return false;
	}

	Steps where(Where where, Filter filter, Uses uses) {
		List<Filter> local = this.before;
		List<Filter> joined = this.after;
		List<Filter> grouped = this.having;
		if (uses.isText() && !uses.isLocal()) {
			throw new InvalidLookupException(this.scope.model().name() + ": a text search must be the first stage"
					+ " (MongoDB's rule for $text): make it in a filter() call of its own, not with conditions on"
					+ " relations or annotations");
		}
		if (readsGrouped(uses)) {
			grouped = append(grouped, filter);
		}
		else if (uses.isLocal()) {
			local = append(local, filter);
		}
		else {
			joined = append(joined, filter);
		}
		return new Steps(this.scope, append(this.wheres, where), local, joined, merge(this.joins, uses), this.annotations,
				this.hidden, this.grouping, this.post, grouped, union(this.outerRefs, uses.outerRefs()),
				this.searches.with(uses, this.scope.model()));
	}

	/** An annotation computed per document, before any grouping; a hidden one is not shown in results. */
	Steps annotate(String name, Class<?> type, @Nullable Object expression, Uses uses, boolean hide) {
		Map<String, Object> annotations = new LinkedHashMap<>(this.annotations);
		annotations.put(name, expression);
		Set<String> hidden = hide ? union(this.hidden, Set.of(name)) : this.hidden;
		return new Steps(withType(name, type), this.wheres, this.before, this.after, merge(this.joins, uses),
				annotations, hidden, this.grouping, this.post, this.having, union(this.outerRefs, uses.outerRefs()),
				this.searches.with(uses, this.scope.model()));
	}

	/** An aggregate annotation of the grouping. */
	Steps group(String name, Class<?> type, Grouping grouping, Uses uses, boolean hide) {
		Set<String> hidden = hide ? union(this.hidden, Set.of(name)) : this.hidden;
		return new Steps(withType(name, type), this.wheres, this.before, this.after, merge(this.joins, uses),
				this.annotations, hidden, grouping, this.post, this.having, union(this.outerRefs, uses.outerRefs()),
				this.searches.with(uses, this.scope.model()));
	}

	/** A plain annotation after the grouping over its aggregates, computed after it. */
	Steps annotateGrouped(String name, Class<?> type, @Nullable Object expression, Uses uses, boolean hide) {
		Map<String, Object> post = new LinkedHashMap<>(this.post);
		post.put(name, expression);
		Set<String> hidden = hide ? union(this.hidden, Set.of(name)) : this.hidden;
		return new Steps(withType(name, type), this.wheres, this.before, this.after, merge(this.joins, uses),
				this.annotations, hidden, this.grouping, post, this.having, union(this.outerRefs, uses.outerRefs()),
				this.searches.with(uses, this.scope.model()));
	}

	/** The annotations shown in results, in order: per document, of the grouping, after it. */
	List<String> shown() {
		List<String> names = new ArrayList<>();
		for (String name : this.scope.annotations().keySet()) {
			if (!this.hidden.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	private Scope withType(String name, Class<?> type) {
		Map<String, Class<?>> types = new LinkedHashMap<>(this.scope.annotations());
		types.put(name, type);
		return new Scope(this.scope.model(), types);
	}

	private static List<Join> merge(List<Join> joins, Uses uses) {
		List<Join> merged = joins;
		for (Join join : uses.joins()) {
			merged = Join.merge(merged, join);
		}
		return List.copyOf(merged);
	}

	/**
	 * One {@code filter(...)} or {@code exclude(...)} call.
	 * @param condition the condition of the call
	 * @param exclude whether the call was {@code exclude}
	 */
	record Where(Q condition, boolean exclude) {
	}

	private static <E> List<E> append(List<E> list, E element) {
		List<E> next = new ArrayList<>(list.size() + 1);
		next.addAll(list);
		next.add(element);
		return List.copyOf(next);
	}

	private static Set<String> union(Set<String> set, Collection<String> more) {
		if (more.isEmpty()) {
			return set;
		}
		Set<String> union = new LinkedHashSet<>(set);
		union.addAll(more);
		return Collections.unmodifiableSet(union);
	}

}
