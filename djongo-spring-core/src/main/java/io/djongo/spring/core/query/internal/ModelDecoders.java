package io.djongo.spring.core.query.internal;

import org.bson.Document;
import org.bson.codecs.Codec;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a model's stored documents straight from a reply: each into the model, exactly as the {@link ModelReader}
 * would read its {@link Document} (after-convert callbacks included), or, where that cannot be told without the
 * document, into the {@code Document}, for the reader. What the engine consumes of the template's model codec.
 */
@FunctionalInterface
public interface ModelDecoders {

	/**
	 * The decoder of the model's whole stored documents (a codec of the class {@code Object}, for a collection to
	 * read with), or null when every document goes to the reader.
	 */
	@Nullable Codec<Object> decoder(Class<?> model);

}
