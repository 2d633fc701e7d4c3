/**
 * Django's QuerySet API: {@link io.djongo.spring.core.query.QuerySet}, {@link io.djongo.spring.core.query.Q},
 * {@link io.djongo.spring.core.query.F} and {@link io.djongo.spring.core.query.Aggregate} (made by the factories
 * of {@code io.djongo.spring.core.query.aggregate}), and what evaluations report and throw.
 */
@NullMarked
package io.djongo.spring.core.query;

import org.jspecify.annotations.NullMarked;
