/**
 * Bulk writes: {@link io.djongo.spring.core.bulk.BulkWrite}, mixed inserts, updates, replacements, deletions and
 * upserts of one model in one {@code bulkWrite} command, and its {@link io.djongo.spring.core.bulk.BulkResult}.
 */
@NullMarked
package io.djongo.spring.core.bulk;

import org.jspecify.annotations.NullMarked;
