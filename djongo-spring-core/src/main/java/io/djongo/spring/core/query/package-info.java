/**
 * Django's QuerySet API: {@link io.djongo.spring.core.query.QuerySet}, {@link io.djongo.spring.core.query.Q} and lookups.
 */
@NullMarked
package io.djongo.spring.core.query;

import org.jspecify.annotations.NullMarked;
