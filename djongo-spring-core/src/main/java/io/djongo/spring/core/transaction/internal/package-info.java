/**
 * Transaction internals: the runner of atomic blocks, with the driver's retry rules for transient errors. Wired by
 * the {@code DjongoTemplate}. Not API.
 */
@NullMarked
package io.djongo.spring.core.transaction.internal;

import org.jspecify.annotations.NullMarked;
