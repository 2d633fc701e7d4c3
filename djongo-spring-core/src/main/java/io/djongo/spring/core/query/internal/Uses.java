package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What a compiled condition or expression reads besides the queried document's own fields: annotations of the
 * query, and related documents that must be joined first. It decides where in the pipeline the condition goes.
 */
final class Uses {

	private boolean annotations;

	private List<Join> joins = new ArrayList<>();

	void target(Target target) {
		this.annotations |= target.annotation();
		for (Join join : target.joins()) {
			this.joins = Join.merge(this.joins, join);
		}
	}

	void add(Uses other) {
		this.annotations |= other.annotations;
		for (Join join : other.joins) {
			this.joins = Join.merge(this.joins, join);
		}
	}

	boolean annotations() {
		return this.annotations;
	}

	List<Join> joins() {
		return new ArrayList<>(this.joins);
	}

	/** Whether the condition can run on the stored documents alone, before any join or annotation. */
	boolean isLocal() {
		return !this.annotations && this.joins.isEmpty();
	}

}
