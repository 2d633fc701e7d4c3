/**
 * Django's aggregate factories: {@code Count.of}, {@code Sum.of}, {@code Avg.of}, {@code Min.of}, {@code Max.of},
 * each making an {@link io.djongo.spring.core.query.Aggregate} for {@code aggregate(...)} and {@code annotate(...)}.
 */
@NullMarked
package io.djongo.spring.core.query.aggregate;

import org.jspecify.annotations.NullMarked;
