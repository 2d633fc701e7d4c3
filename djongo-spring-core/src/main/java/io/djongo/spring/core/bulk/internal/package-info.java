/**
 * Bulk write internals: the builder's operations turned into the driver's write models, sent in one command, and
 * {@code bulkUpdate}. What they need of models, QuerySets and the writer comes through {@code BulkSupport}, which
 * the {@code DjongoTemplate} implements. Not API.
 */
@NullMarked
package io.djongo.spring.core.bulk.internal;

import org.jspecify.annotations.NullMarked;
