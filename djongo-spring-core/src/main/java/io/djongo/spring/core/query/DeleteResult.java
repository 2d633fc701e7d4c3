package io.djongo.spring.core.query;

import java.util.Map;

/**
 * What {@code QuerySet.delete()} removed: the total, and the count per model (cascades included), as Django's
 * {@code (total, {"app.Model": n})}. The rows of many-to-many through collections Django creates (Django storage)
 * count too, as Django counts {@code "blog.Post_tags"}: by collection, no class describes them.
 *
 * @param count the number of documents deleted in all
 * @param perModel the number deleted per model class
 * @param throughRows the number of rows deleted per through collection Django creates ({@code blog_post_tags})
 */
public record DeleteResult(long count, Map<Class<?>, Long> perModel, Map<String, Long> throughRows) {

	public DeleteResult {
		perModel = Map.copyOf(perModel);
		throughRows = Map.copyOf(throughRows);
	}

	/** A result without through-collection rows. */
	public DeleteResult(long count, Map<Class<?>, Long> perModel) {
		this(count, perModel, Map.of());
	}

	/** The number deleted of one model; 0 when none. */
	public long count(Class<?> model) {
		return this.perModel.getOrDefault(model, 0L);
	}

	/** The number of rows deleted from a through collection Django creates; 0 when none. */
	public long count(String throughCollection) {
		return this.throughRows.getOrDefault(throughCollection, 0L);
	}

}
