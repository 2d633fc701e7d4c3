/**
 * Schema concerns: auto-increment ids, enforce-schema, validators and indexes.
 */
@NullMarked
package io.djongo.spring.core.schema;

import org.jspecify.annotations.NullMarked;
