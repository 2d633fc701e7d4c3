package io.djongo.spring.core.model.internal;

import java.util.Objects;

import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.BsonReader;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.CollectibleCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * The codec of an insert whose documents are {@link ConvertedModel}s and {@link Document}s (the converter's, for the
 * models the plans leave to it): a converted model is encoded as the registry's {@code Document} codec would encode
 * the converter's document, a document by that codec, which also gives it an id when it has none, as an insert of
 * documents does. A converted model always has its id.
 */
final class InsertCodec implements CollectibleCodec<Object> {

	private final ModelEncoder encoder;

	private final CollectibleCodec<Document> documents;

	InsertCodec(ModelEncoder encoder, CollectibleCodec<Document> documents) {
		this.encoder = encoder;
		this.documents = documents;
	}

	@Override
	public void encode(BsonWriter writer, Object value, EncoderContext context) {
		if (value instanceof ConvertedModel model) {
			this.encoder.encode(writer, model);
		}
		else {
			this.documents.encode(writer, (Document) value, context);
		}
	}

	@Override
	public Class<Object> getEncoderClass() {
		return Object.class;
	}

	@Override
	public Object decode(BsonReader reader, DecoderContext context) {
		return this.documents.decode(reader, context);
	}

	@Override
	public Object generateIdIfAbsentFromDocument(Object document) {
		return (document instanceof Document plain) ? this.documents.generateIdIfAbsentFromDocument(plain) : document;
	}

	@Override
	public boolean documentHasId(Object document) {
		return !(document instanceof Document plain) || this.documents.documentHasId(plain);
	}

	@Override
	public BsonValue getDocumentId(Object document) {
		if (document instanceof Document plain) {
			return this.documents.getDocumentId(plain);
		}
		BsonDocument encoded = new BsonDocument();
		this.encoder.encode(new BsonDocumentWriter(encoded), (ConvertedModel) document);
		return Objects.requireNonNull(encoded.get("_id"), "a converted model has its id");
	}

}
