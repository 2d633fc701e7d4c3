package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a compiled condition or expression reads besides the queried document's own fields: annotations of the
 * query (by name), related documents and subqueries that must be joined first, and fields of an outer query
 * ({@code OuterRef}). It decides where in the pipeline the condition goes. Subqueries joined while compiling are
 * named from a base the caller gives, so that names stay unique in one plan.
 */
final class Uses {

	private final Set<String> annotations = new LinkedHashSet<>();

	private final Set<String> outer = new LinkedHashSet<>();

	private List<Join> joins = new ArrayList<>();

	private int nextSubquery;

	Uses() {
	}

	/** @param subqueryBase the number of the first subquery joined while compiling */
	Uses(int subqueryBase) {
		this.nextSubquery = subqueryBase;
	}

	void target(Target target) {
		if (target.annotation()) {
			this.annotations.add(target.storedPath());
		}
		for (Join join : target.joins()) {
			this.joins = Join.merge(this.joins, join);
		}
	}

	void join(Join join) {
		this.joins = Join.merge(this.joins, join);
	}

	void outer(String field) {
		this.outer.add(field);
	}

	/** A name for the next subquery joined. */
	String nextSubqueryAlias() {
		return TargetResolver.JOIN_PREFIX + "sq" + this.nextSubquery++;
	}

	boolean annotations() {
		return !this.annotations.isEmpty();
	}

	/** The annotations read, by name. */
	Set<String> annotationNames() {
		return this.annotations;
	}

	/** The fields of an outer query read through {@code OuterRef}. */
	Set<String> outerRefs() {
		return this.outer;
	}

	List<Join> joins() {
		return new ArrayList<>(this.joins);
	}

	/** Whether the condition can run on the stored documents alone, before any join or annotation. */
	boolean isLocal() {
		return this.annotations.isEmpty() && this.joins.isEmpty();
	}

}
