/**
 * Relation internals: the deletion collector applying {@code on_delete} rules, and the checks of relation
 * declarations. Not API.
 */
@NullMarked
package io.djongo.spring.core.relation.internal;

import org.jspecify.annotations.NullMarked;
