/**
 * The schema steps behind {@code DjongoSchema}: index declarations checked and reconciled with the database, JSON
 * Schemas generated from the mappings and applied as validators, collections created and sharded ({@code migrate}),
 * documents compared with their models ({@code check}). Wired by the {@code DjongoTemplate}; not an API.
 */
@NullMarked
package io.djongo.spring.core.schema.migration.internal;

import org.jspecify.annotations.NullMarked;
