/**
 * Implementation of the schema package: the model writer (validate, ids, convert, insert, its batch passed
 * explicitly), the id counters, and the per-class validation and schema plans. Wired by the {@code DjongoTemplate};
 * not an API.
 */
@NullMarked
package io.djongo.spring.core.schema.internal;

import org.jspecify.annotations.NullMarked;
