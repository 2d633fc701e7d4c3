package io.djongo.spring.core.model.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Decoder;
import org.bson.codecs.configuration.CodecRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The per-model BSON codec: reads stored documents straight from BSON into models and writes models straight into
 * BSON, by plans worked out once per model from Spring Data's mapping metadata, exactly as Spring Data's
 * {@link MappingMongoConverter} reads and writes them; the converter keeps every model and document the plans cannot
 * read or write exactly so. See {@link ModelDecoder} and {@link ModelEncoder} for the algorithms, {@link ReadRules}
 * and {@link WriteRules} for the rules and what they leave to the converter.
 * <p>
 * Built once per converter and codec registry (the one the collections encode and decode with); thread-safe.
 */
public final class ModelCodecs {

	private final ReadRules readRules;

	private final @Nullable BsonScalars scalars;

	private final Decoder<Document> documents;

	private final RequiredFields requiredFields;

	private final Map<Class<?>, ModelDecoder> decoders = new ConcurrentHashMap<>();

	private final ModelEncoder encoder;

	private final DirectModelReader reader;

	/**
	 * @param converter the converter whose reading and writing the codecs reproduce
	 * @param registry the registry the collections decode documents and encode values with
	 * @param requiredFields what the after-convert work of a model needs of its documents
	 */
	public ModelCodecs(MongoConverter converter, CodecRegistry registry, RequiredFields requiredFields) {
		this.readRules = new ReadRules(converter);
		this.scalars = BsonScalars.of(registry);
		this.documents = registry.get(Document.class);
		this.requiredFields = requiredFields;
		this.encoder = new ModelEncoder(new WriteRules(converter, registry), registry);
		this.reader = new DirectModelReader(this.readRules);
	}

	/**
	 * The decoder of a model's stored documents: each into the model, or, where the converter must read it (or the
	 * after-convert work needs it), into the {@link Document} the registry's codec decodes, for the caller to read
	 * as it reads any document.
	 */
	public Decoder<Object> decoder(Class<?> model) {
		ModelDecoder decoder = this.decoders.get(model);
		if (decoder == null) {
			decoder = this.decoders.computeIfAbsent(model, (type) -> new ModelDecoder(this.readRules,
					this.readRules.plan(type), this.scalars, this.documents, this.requiredFields.of(type)));
		}
		return decoder;
	}

	/**
	 * Whether {@link #decoder(Class)} decodes any document of the model into the model; when it does not, it decodes
	 * every one into a {@link Document}.
	 */
	public boolean decodesModels(Class<?> model) {
		return ((ModelDecoder) decoder(model)).direct();
	}

	/**
	 * The models as BSON documents, in order, each what the converter's {@code write} makes of it encoded as an
	 * insert encodes it; null where the converter must write the model. Their documents share arrays of about a
	 * megabyte.
	 */
	public List<@Nullable RawBsonDocument> encode(List<?> models) {
		return this.encoder.encode(models);
	}

	/**
	 * A model as a BSON document, as {@link #encode(List)}; null when the converter must write it.
	 */
	public @Nullable RawBsonDocument encode(Object model) {
		return this.encoder.encode(model);
	}

	/**
	 * A model as the {@link Document} the converter's {@code write} makes of it (the same keys in the same order,
	 * the same values), without the converter; null when the converter must write it.
	 */
	public @Nullable Document document(Object model) {
		return this.encoder.document(model);
	}

	/**
	 * The reader of models from {@link Document}s by the same plans.
	 */
	public DirectModelReader reader() {
		return this.reader;
	}

}
