package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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

	private @Nullable GeoNear geoNear;

	private boolean text;

	private boolean textScore;

	private boolean geoAllowed;

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

	/** A {@code $geoNear} stage the QuerySet needs: a near lookup, or a GeoDistance. */
	void geoNear(GeoNear near) {
		GeoNear current = this.geoNear;
		this.geoNear = (current != null) ? current.merge(near) : near;
	}

	@Nullable GeoNear geoNear() {
		return this.geoNear;
	}

	/** A text search ({@code $text}) is made. */
	void text() {
		this.text = true;
	}

	boolean isText() {
		return this.text;
	}

	/** The text search's score is read. */
	void textScore() {
		this.textScore = true;
	}

	boolean readsTextScore() {
		return this.textScore;
	}

	/**
	 * Lets {@code GeoDistance} be compiled: where the caller places the {@code $geoNear} stage it records
	 * ({@code annotate}, {@code alias}); elsewhere its distance would not exist.
	 */
	Uses allowGeo() {
		this.geoAllowed = true;
		return this;
	}

	boolean isGeoAllowed() {
		return this.geoAllowed;
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
