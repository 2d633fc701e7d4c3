package io.djongo.spring.core.query;

/**
 * What {@link QuerySet#getOrCreate} and {@link QuerySet#updateOrCreate} return: Django's {@code (obj, created)}.
 * @param model the model found (updated, for updateOrCreate) or created
 * @param created whether it was created
 * @param <T> the model
 */
public record CreateResult<T>(T model, boolean created) {
}
