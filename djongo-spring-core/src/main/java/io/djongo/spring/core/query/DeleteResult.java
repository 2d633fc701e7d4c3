package io.djongo.spring.core.query;

import java.util.Map;

/**
 * What {@code QuerySet.delete()} removed: the total, and the count per model (cascades included), as Django's
 * {@code (total, {"app.Model": n})}.
 *
 * @param count the number of documents deleted in all
 * @param perModel the number deleted per model class
 */
public record DeleteResult(long count, Map<Class<?>, Long> perModel) {

	public DeleteResult {
		perModel = Map.copyOf(perModel);
	}

	/** The number deleted of one model; 0 when none. */
	public long count(Class<?> model) {
		return this.perModel.getOrDefault(model, 0L);
	}

}
