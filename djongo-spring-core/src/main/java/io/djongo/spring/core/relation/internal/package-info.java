/**
 * Relation internals: the deletions applying {@code on_delete} rules, the checks of relation declarations at
 * start-up and of unsaved related objects before a write. Built on Spring Data's {@code MongoOperations} and the
 * {@code ModelRegistry}; wired by the {@code DjongoTemplate}. Not API.
 */
@NullMarked
package io.djongo.spring.core.relation.internal;

import org.jspecify.annotations.NullMarked;
