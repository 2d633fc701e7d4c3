/**
 * Implementation of the schema package: per-class plans, the id counters and the per-write context; not an API.
 */
@NullMarked
package io.djongo.spring.core.schema.internal;

import org.jspecify.annotations.NullMarked;
