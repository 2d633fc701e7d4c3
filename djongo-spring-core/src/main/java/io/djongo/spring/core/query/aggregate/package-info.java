/**
 * Aggregates for {@code aggregate(...)} and {@code annotate(...)}: Count, Sum, Avg, Min, Max.
 */
@NullMarked
package io.djongo.spring.core.query.aggregate;

import org.jspecify.annotations.NullMarked;
