/**
 * Schema concerns: auto-increment ids, enforce-schema, validators, indexes ({@link ModelIndex}), JSON Schema
 * validators, migrate and check ({@link DjongoSchema}).
 */
@NullMarked
package io.djongo.spring.core.schema;

import org.jspecify.annotations.NullMarked;
