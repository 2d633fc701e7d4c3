package io.djongo.spring.core.model.internal;

import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.CollectibleCodec;
import org.bson.codecs.Decoder;
import org.bson.codecs.configuration.CodecRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

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

	private final @Nullable InsertCodec inserts;

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
		this.inserts = (this.documents instanceof CollectibleCodec<Document> collectible)
				? new InsertCodec(this.encoder, collectible) : null;
	}

	/**
	 * The decoder of a model's stored documents: each into the model, or, where the converter must read it (or the
	 * after-convert work needs it), into the {@link Document} the registry's codec decodes, for the caller to read
	 * as it reads any document. A codec of the class {@code Object}, that a collection can read with
	 * ({@code withDocumentClass(Object.class)}); it encodes nothing.
	 */
	public Codec<Object> decoder(Class<?> model) {
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
	 * A model converted for an insert through {@link #insertCodec()}: what the converter's document would hold,
	 * encoded only as the insert sends it, straight into the command; null when the converter must write the model,
	 * or when it has no id (the driver gives the converter's document one).
	 */
	public @Nullable Object convert(Object model) {
		return (this.inserts != null) ? this.encoder.convert(model) : null;
	}

	/** The id a model {@link #convert converted} for an insert is stored with, as the converter converts it. */
	public Object id(Object converted) {
		return ((ConvertedModel) converted).id();
	}

	/**
	 * The codec of an insert of {@link #convert converted} models and of the converter's {@link Document}s, in any
	 * mix (as the document class {@code Object}): each encoded as the registry's {@code Document} codec encodes the
	 * converter's document; a {@code Document} without an id gets one, as an insert of documents gives it.
	 */
	public Codec<Object> insertCodec() {
		InsertCodec codec = this.inserts;
		if (codec == null) {
			throw new IllegalStateException("The registry's Document codec does not give documents ids: nothing is"
					+ " converted for an insert");
		}
		return codec;
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

	/**
	 * Reads the property's field directly, as Spring Data's accessor reads it under field access (the default), by a
	 * handle made once; null where only Spring Data's accessor can read it.
	 */
	public static @Nullable Function<Object, @Nullable Object> fieldReader(MongoPersistentProperty property) {
		MethodHandle getter = FieldHandles.getter(property);
		return (getter != null) ? (model) -> FieldHandles.get(getter, model) : null;
	}

	/**
	 * Sets the property's field directly, as Spring Data's accessor sets a mutable property under field access, by a
	 * handle made once; null where only Spring Data's accessor can set it.
	 */
	public static @Nullable BiConsumer<Object, @Nullable Object> fieldWriter(MongoPersistentProperty property) {
		MethodHandle setter = FieldHandles.setter(property);
		return (setter != null) ? (model, value) -> FieldHandles.set(setter, model, value) : null;
	}


}
