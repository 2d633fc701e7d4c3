package io.djongo.spring.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.QuerySet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The lookups, ordering and page a request asked for through {@link QuerySetParameters @QuerySetParameters}, checked
 * against its allow-lists, to apply to a QuerySet of the controller's choosing: lookups on its annotations, after a
 * filter of its own, with related objects. Immutable; applying it sends nothing but for {@link #page(QuerySet)}.
 * <pre>{@code
 * @GetMapping("/authors")
 * PagedModel<Author> authors(@QuerySetParameters(lookups = "numBooks__gte", orderings = "numBooks")
 *         QuerySetRequest<Author> request) {
 *     return new PagedModel<>(request.page(authors.objects().annotate("numBooks", Count.of("books"))));
 * }
 * }</pre>
 * A value that does not fit its field ({@code publishedDate__year=abc}) is refused when the request is applied, with
 * an {@link InvalidQueryParameterException} naming the parameter and djongo's message.
 *
 * @param <T> the model
 */
public final class QuerySetRequest<T> {

	private final Class<T> model;

	private final List<Map.Entry<String, Object>> lookups;

	private final List<String> ordering;

	private final Pageable pageable;

	private final String source;

	/**
	 * @param lookups the lookups and their values, in the request's order
	 * @param ordering the ordering asked for (or the default), as Django orderings; empty: the QuerySet's own
	 * @param source the annotated parameter, for the message of a misconfigured allow-list
	 */
	QuerySetRequest(Class<T> model, List<Map.Entry<String, Object>> lookups, List<String> ordering, int page,
			int size, String source) {
		this.model = model;
		this.lookups = List.copyOf(lookups);
		this.ordering = List.copyOf(ordering);
		this.pageable = PageRequest.of(page, size, sort(ordering));
		this.source = source;
	}

	/** The model the request is for. */
	public Class<T> model() {
		return this.model;
	}

	/** The page asked for: number, size and the ordering as a {@link Sort} ({@code -views} is {@code views: DESC}). */
	public Pageable pageable() {
		return this.pageable;
	}

	/**
	 * The QuerySet filtered by the request's lookups and ordered by its ordering (when it gives one, or the
	 * parameter a default); not sliced, so that the controller can filter further, count or aggregate.
	 */
	public QuerySet<T> filter(QuerySet<T> base) {
		if (!this.model.isAssignableFrom(base.model())) {
			throw new IllegalArgumentException(this.source + " is for " + this.model.getSimpleName()
					+ " models, not " + base.model().getSimpleName());
		}
		QuerySet<T> result = base;
		for (Map.Entry<String, Object> lookup : this.lookups) {
			try {
				result = result.filter(lookup.getKey(), lookup.getValue());
			}
			catch (InvalidLookupException ex) {
				throw new InvalidQueryParameterException(lookup.getKey(), String.valueOf(ex.getMessage()), List.of(),
						ex);
			}
			catch (FieldError ex) {
				// an allowed lookup the QuerySet cannot use: the application's mistake, not the client's (not the
				// cause: Spring MVC would answer the FieldError as a client's 400)
				throw new IllegalStateException(this.source + " allows '" + lookup.getKey() + "', which "
						+ base.model().getSimpleName() + " QuerySets cannot filter by: " + ex.getMessage());
			}
		}
		if (!this.ordering.isEmpty()) {
			try {
				result = result.orderBy(this.ordering.toArray(String[]::new));
			}
			catch (FieldError ex) {
				throw new IllegalStateException(this.source + " orders by " + this.ordering + ", which "
						+ base.model().getSimpleName() + " QuerySets cannot order by: " + ex.getMessage());
			}
		}
		return result;
	}

	/**
	 * The QuerySet {@link #filter(QuerySet) filtered and ordered}, then sliced to the requested page; an unordered
	 * one is ordered by primary key first, so that pages never overlap.
	 */
	public QuerySet<T> slice(QuerySet<T> base) {
		QuerySet<T> filtered = filter(base);
		QuerySet<T> ordered = filtered.isOrdered() ? filtered : filtered.orderBy("pk");
		int from = Math.toIntExact(this.pageable.getOffset());
		return ordered.slice(from, Math.addExact(from, this.pageable.getPageSize()));
	}

	/**
	 * The requested page of the QuerySet {@link #filter(QuerySet) filtered and ordered}: one find, and a count when
	 * the page does not tell the total ({@code QuerySet.page}).
	 */
	public Page<T> page(QuerySet<T> base) {
		return filter(base).page(this.pageable);
	}

	private static Sort sort(List<String> ordering) {
		List<Sort.Order> orders = new ArrayList<>();
		for (String field : ordering) {
			orders.add(field.startsWith("-") ? Sort.Order.desc(field.substring(1)) : Sort.Order.asc(field));
		}
		return Sort.by(orders);
	}

	@Override
	public String toString() {
		return "QuerySetRequest{" + this.model.getSimpleName() + ", lookups=" + this.lookups + ", ordering="
				+ this.ordering + ", page=" + this.pageable.getPageNumber() + ", size=" + this.pageable.getPageSize()
				+ "}";
	}

}
