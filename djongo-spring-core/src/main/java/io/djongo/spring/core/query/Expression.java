package io.djongo.spring.core.query;

/**
 * Something a QuerySet computes per document or per group: an {@link F} field reference or arithmetic, or an
 * {@link Aggregate} ({@code Count}, {@code Sum}, {@code Avg}, {@code Min}, {@code Max}).
 */
public sealed interface Expression permits F, Aggregate {

}
