package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.Q;

/**
 * The filters and annotations, in the order they were added (the order matters to Django).
 * @param scope the model and the annotations so far, which later steps can use
 * @param wheres every filter call, for Django's filter-before-annotate rule
 * @param before the conditions on stored fields, placed before any join
 * @param after the conditions on joined documents and annotations, placed after them
 * @param joins the relations joined for the filters and annotations, merged
 * @param annotations annotation names and their per-document expressions
 */
record Steps(Scope scope, List<Steps.Where> wheres, List<Filter> before, List<Filter> after, List<Join> joins,
		Map<String, Object> annotations) {

	static Steps of(ModelMetadata model) {
		return new Steps(new Scope(model, Map.of()), List.of(), List.of(), List.of(), List.of(), Map.of());
	}

	Steps where(Where where, Filter filter, Uses uses) {
		List<Filter> local = uses.isLocal() ? append(this.before, filter) : this.before;
		List<Filter> joined = uses.isLocal() ? this.after : append(this.after, filter);
		return new Steps(this.scope, append(this.wheres, where), local, joined, merge(this.joins, uses), this.annotations);
	}

	Steps annotate(String name, Class<?> type, Object expression, Uses uses) {
		Map<String, Class<?>> types = new LinkedHashMap<>(this.scope.annotations());
		types.put(name, type);
		Map<String, Object> annotations = new LinkedHashMap<>(this.annotations);
		annotations.put(name, expression);
		return new Steps(new Scope(this.scope.model(), Map.copyOf(types)), this.wheres, this.before, this.after,
				merge(this.joins, uses), annotations);
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

}
