package io.djongo.spring.core.model.internal;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the work done on a model after it is read (Spring Data's after-convert callbacks: enforce-schema, file
 * fields) needs of the document it is read from, for {@link ModelCodecs} to read the model without that document.
 */
@FunctionalInterface
public interface RequiredFields {

	/** Nothing: no after-convert work, or none that looks at the document. */
	RequiredFields NONE = (model) -> Set.of();

	/**
	 * The stored fields a document must hold for that work to pass without seeing the document (empty when it does
	 * not look at the document); null when it needs the document itself.
	 */
	@Nullable Set<String> of(Class<?> model);

}
