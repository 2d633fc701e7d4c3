package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.Q;
import org.jspecify.annotations.Nullable;

/**
 * Everything a QuerySet has been told, immutable: each chain call makes a new state with one thing changed.
 *
 * @param model the model queried
 * @param steps filters, excludes and annotations in the order they were added (the order matters to Django)
 * @param ordering explicit ordering, or null for the model's default
 * @param reversed whether {@code reverse()} was called an odd number of times
 * @param offset documents skipped
 * @param limit maximum documents returned, or null for all
 * @param projection what each result is: the model, a map, a list or one value
 * @param only fields loaded, all when empty
 * @param defer fields not loaded
 * @param none whether {@code none()} was called
 * @param distinct whether duplicate rows of values are removed
 * @param selectRelated relations fetched in the same command
 * @param prefetchRelated relations fetched with one extra command each
 */
record QueryState(ModelMetadata model, List<Step> steps, @Nullable List<String> ordering, boolean reversed,
		long offset, @Nullable Long limit, Projection projection, List<String> only, List<String> defer, boolean none,
		boolean distinct, List<String> selectRelated, List<String> prefetchRelated) {

	/** A filter, an exclude or an annotation. */
	sealed interface Step permits Where, Annotate {
	}

	/**
	 * One {@code filter(...)} or {@code exclude(...)} call.
	 * @param condition the condition of the call
	 * @param exclude whether the call was {@code exclude}
	 */
	record Where(Q condition, boolean exclude) implements Step {
	}

	/**
	 * One {@code annotate(name, expression)} call.
	 * @param name the annotation's name
	 * @param expression what it computes
	 */
	record Annotate(String name, Expression expression) implements Step {
	}

	/** What one result of a QuerySet is. */
	sealed interface Projection permits Entities, Values {
	}

	/** Model instances. */
	record Entities() implements Projection {
	}

	/**
	 * Django's {@code values()} and {@code values_list()}.
	 * @param fields the requested lookups, all fields when empty
	 * @param shape how one result is shaped
	 * @param flatType for a flat values list, the type of the one value
	 */
	record Values(List<String> fields, Shape shape, @Nullable Class<?> flatType) implements Projection {

		/** How a row of values is returned. */
		enum Shape {

			/** A map from lookup to value. */
			MAP,

			/** A list of values in the requested order. */
			LIST,

			/** The one requested value itself. */
			FLAT

		}

	}

	static QueryState of(ModelMetadata model) {
		return new QueryState(model, List.of(), null, false, 0, null, new Entities(), List.of(), List.of(), false,
				false, List.of(), List.of());
	}

	QueryState withStep(Step step) {
		List<Step> next = new ArrayList<>(this.steps);
		next.add(step);
		return new QueryState(this.model, List.copyOf(next), this.ordering, this.reversed, this.offset, this.limit,
				this.projection, this.only, this.defer, this.none, this.distinct, this.selectRelated,
				this.prefetchRelated);
	}

	QueryState withOrdering(List<String> ordering) {
		return new QueryState(this.model, this.steps, List.copyOf(ordering), false, this.offset, this.limit,
				this.projection, this.only, this.defer, this.none, this.distinct, this.selectRelated,
				this.prefetchRelated);
	}

	QueryState withReversed() {
		return new QueryState(this.model, this.steps, this.ordering, !this.reversed, this.offset, this.limit,
				this.projection, this.only, this.defer, this.none, this.distinct, this.selectRelated,
				this.prefetchRelated);
	}

	QueryState withSlice(long offset, @Nullable Long limit) {
		return new QueryState(this.model, this.steps, this.ordering, this.reversed, offset, limit, this.projection,
				this.only, this.defer, this.none, this.distinct, this.selectRelated, this.prefetchRelated);
	}

	QueryState withProjection(Projection projection) {
		return new QueryState(this.model, this.steps, this.ordering, this.reversed, this.offset, this.limit,
				projection, this.only, this.defer, this.none, this.distinct, this.selectRelated,
				this.prefetchRelated);
	}

	QueryState withLoading(List<String> only, List<String> defer) {
		return new QueryState(this.model, this.steps, this.ordering, this.reversed, this.offset, this.limit,
				this.projection, List.copyOf(only), List.copyOf(defer), this.none, this.distinct, this.selectRelated,
				this.prefetchRelated);
	}

	QueryState withNone() {
		return new QueryState(this.model, this.steps, this.ordering, this.reversed, this.offset, this.limit,
				this.projection, this.only, this.defer, true, this.distinct, this.selectRelated, this.prefetchRelated);
	}

	QueryState withDistinct() {
		return new QueryState(this.model, this.steps, this.ordering, this.reversed, this.offset, this.limit,
				this.projection, this.only, this.defer, this.none, true, this.selectRelated, this.prefetchRelated);
	}

	QueryState withRelated(List<String> selectRelated, List<String> prefetchRelated) {
		return new QueryState(this.model, this.steps, this.ordering, this.reversed, this.offset, this.limit,
				this.projection, this.only, this.defer, this.none, this.distinct, List.copyOf(selectRelated),
				List.copyOf(prefetchRelated));
	}

	boolean isSliced() {
		return this.offset > 0 || this.limit != null;
	}

	/** The ordering in force: explicit, else the model's default; reversed when asked. */
	List<String> effectiveOrdering() {
		List<String> base = (this.ordering != null) ? this.ordering : this.model.ordering();
		if (!this.reversed) {
			return base;
		}
		List<String> flipped = new ArrayList<>();
		for (String field : base) {
			flipped.add(field.startsWith("-") ? field.substring(1) : field.equals("?") ? field : "-" + field);
		}
		return flipped;
	}

}
