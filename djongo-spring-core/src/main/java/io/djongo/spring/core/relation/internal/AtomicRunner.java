package io.djongo.spring.core.relation.internal;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs a block in one transaction where the deployment runs them, joining a transaction already running: the
 * template's atomic blocks.
 */
@FunctionalInterface
public interface AtomicRunner {

	<T extends @Nullable Object> T run(Supplier<T> block);

}
