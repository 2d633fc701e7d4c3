package io.djongo.spring.core.schema.internal;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * The convert step of a write: one model as the document to store. By default the template's converter; a faster
 * encoder of the same mapping may take its place.
 */
@FunctionalInterface
public interface ModelEncoder {

	Document encode(Object model);

	/**
	 * The model converted for an insert that sends it without a {@link Document} (encoded straight into the
	 * command), as {@link #encode} would have written it; null when it must be written as a document. Asked only where
	 * nothing of the write's lifecycle looks at the document.
	 */
	default @Nullable Object convert(Object model) {
		return null;
	}

	/** The stored id of a model {@link #convert converted} for an insert. */
	default Object id(Object converted) {
		throw new UnsupportedOperationException("This encoder converts nothing");
	}

	/**
	 * Reads a property of a model as Spring Data's accessor would, faster (a field handle made once); null where
	 * Spring Data's accessor must read it.
	 */
	default @Nullable Function<Object, @Nullable Object> fieldReader(MongoPersistentProperty property) {
		return null;
	}

	/**
	 * Sets a mutable property of a model as Spring Data's accessor would, faster (a field handle made once); null
	 * where Spring Data's accessor must set it.
	 */
	default @Nullable BiConsumer<Object, @Nullable Object> fieldWriter(MongoPersistentProperty property) {
		return null;
	}

}
