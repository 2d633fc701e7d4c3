package io.djongo.spring.core.model.internal;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Encoder;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;
import org.springframework.util.ClassUtils;

/**
 * Encodes models straight into the BSON that Spring Data's converter would make them into, by each model's
 * {@link WritePlan}: the bytes equal those of the converter's {@link Document} encoded by the registry's
 * {@code Document} codec, as an insert encodes it ({@code _id} first).
 * <p>
 * The algorithm, per model: the id converted as the converter's {@code convertId} does; each writable property in
 * the entity's order, its value converted by the converter's rules ({@link WriteRules}), nulls left out (unless
 * {@code @Field(write = ALWAYS)}), collections as arrays of converted elements; then the type hint. Each value is
 * encoded by the registry's codec for its class, as the {@code Document} codec encodes a value. Where the plan cannot
 * write a model exactly so (a value of a class the plan does not know, a conversion that fails, a proxy), the bytes
 * written for it are dropped and it is the converter's: its failure, if it fails, is the converter's own.
 */
final class ModelEncoder {

	/** Models are encoded into buffers of about this size, which their documents share. */
	private static final int CHUNK = 1 << 20;

	private static final EncoderContext ENCODING = EncoderContext.builder().build();

	private final WriteRules rules;

	/** The registry's encoder of the lists a collection property is written as, when it writes them otherwise. */
	private final @Nullable Encoder<Object> lists;

	/**
	 * @param registry the registry the rules encode values with
	 */
	ModelEncoder(WriteRules rules, CodecRegistry registry) {
		this.rules = rules;
		this.lists = writesListsAsArrays(rules, registry) ? null : rules.encoder(ArrayList.class);
	}

	/**
	 * Whether the registry encodes a list of values as {@link #writeList} does: checked on a sample once.
	 */
	private static boolean writesListsAsArrays(WriteRules rules, CodecRegistry registry) {
		List<@Nullable Object> sample = new ArrayList<>(Arrays.asList("a", 1, null, 2L, 2.5, true));
		try {
			BasicOutputBuffer expected = new BasicOutputBuffer();
			registry.get(Document.class)
				.encode(new BsonBinaryWriter(expected), new Document("list", sample), ENCODING);
			BasicOutputBuffer actual = new BasicOutputBuffer();
			BsonBinaryWriter writer = new BsonBinaryWriter(actual);
			writer.writeStartDocument();
			writer.writeName("list");
			writeList(writer, sample, rules::encoder, null);
			writer.writeEndDocument();
			return Arrays.equals(expected.toByteArray(), actual.toByteArray());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The model as BSON, or null when the converter must write it.
	 */
	@Nullable RawBsonDocument encode(Object model) {
		return encode(List.of(model)).get(0);
	}

	/**
	 * The models as BSON, in order, null where the converter must write a model. The documents of about a megabyte
	 * of models share one array.
	 */
	List<@Nullable RawBsonDocument> encode(List<?> models) {
		List<@Nullable RawBsonDocument> documents = new ArrayList<>(models.size());
		BasicOutputBuffer buffer = buffer(models.size());
		BsonBinaryWriter writer = new BsonBinaryWriter(buffer);
		int[] starts = new int[models.size()];
		int[] ends = new int[models.size()];
		int sealed = 0;
		for (int i = 0; i < models.size(); i++) {
			Object model = models.get(i);
			int start = buffer.getPosition();
			boolean written;
			try {
				written = write(writer, model);
			}
			catch (RuntimeException ex) {
				written = false;
			}
			if (!written) {
				// the converter's: drop what was written of it, and the writer in whatever state it was left
				buffer.truncateToPosition(start);
				writer = new BsonBinaryWriter(buffer);
			}
			starts[i] = start;
			ends[i] = written ? buffer.getPosition() : -1;
			if (buffer.getPosition() >= CHUNK || i == models.size() - 1) {
				byte[] bytes = buffer.getInternalBuffer();
				for (int j = sealed; j <= i; j++) {
					documents.add((ends[j] < 0) ? null : new RawBsonDocument(bytes, starts[j], ends[j] - starts[j]));
				}
				sealed = i + 1;
				if (sealed < models.size()) {
					buffer = buffer(models.size() - sealed);
					writer = new BsonBinaryWriter(buffer);
				}
			}
		}
		return documents;
	}

	/** A buffer for the next models: a chunk, or less for a few models. */
	private static BasicOutputBuffer buffer(int models) {
		return new BasicOutputBuffer((int) Math.min(CHUNK + CHUNK / 4, 512L * models));
	}

	/**
	 * The model as the converter writes it into a {@link Document}, or null when the converter must write it: the
	 * same keys in the same order, the same values of the same classes.
	 */
	@Nullable Document document(Object model) {
		WritePlan plan = this.rules.plan(model.getClass());
		@Nullable Object[] values;
		try {
			values = values(plan, model);
		}
		catch (RuntimeException ex) {
			values = null;
		}
		if (values == null) {
			return null;
		}
		Document document = new Document();
		PropertyWriter id = plan.id();
		if (id != null && values[0] != OMITTED) {
			document.put(id.name(), values[0]);
		}
		PropertyWriter[] properties = plan.properties();
		for (int i = 0; i < properties.length; i++) {
			Object value = values[i + 1];
			if (value != OMITTED) {
				document.put(properties[i].name(), value);
			}
		}
		String[] hintKeys = plan.hintKeys();
		String[] hintValues = plan.hintValues();
		for (int i = 0; i < hintKeys.length; i++) {
			document.put(hintKeys[i], hintValues[i]);
		}
		return document;
	}

	private boolean write(BsonWriter writer, Object model) {
		WritePlan plan = this.rules.plan(model.getClass());
		@Nullable Object[] values = values(plan, model);
		if (values == null) {
			return false;
		}
		write(writer, plan, values);
		return true;
	}

	private void write(BsonWriter writer, WritePlan plan, @Nullable Object[] values) {
		writer.writeStartDocument();
		PropertyWriter id = plan.id();
		Object idValue = values[0];
		if (id != null && idValue != OMITTED && idValue != null) {
			writer.writeName(id.name());
			id.encoders.get(idValue.getClass()).encode(writer, idValue, ENCODING);
		}
		PropertyWriter[] properties = plan.properties();
		for (int i = 0; i < properties.length; i++) {
			Object value = values[i + 1];
			if (value == OMITTED) {
				continue;
			}
			PropertyWriter property = properties[i];
			writer.writeName(property.name());
			if (value == null) {
				writer.writeNull();
			}
			else if (property.componentType() != null) {
				writeList(writer, (List<?>) value, property.encoders::get, this.lists);
			}
			else {
				property.encoders.get(value.getClass()).encode(writer, value, ENCODING);
			}
		}
		String[] hintKeys = plan.hintKeys();
		String[] hintValues = plan.hintValues();
		for (int i = 0; i < hintKeys.length; i++) {
			writer.writeName(hintKeys[i]);
			this.rules.encoder(String.class).encode(writer, hintValues[i], ENCODING);
		}
		writer.writeEndDocument();
	}

	/**
	 * The values the converter writes for a model: the id's, then each property's in the plan's order;
	 * {@link #OMITTED} where it writes nothing (a null id, a null it leaves out). Null when the converter must write
	 * the model.
	 */
	private @Nullable Object @Nullable [] values(WritePlan plan, Object model) {
		Class<?> type = model.getClass();
		if (!plan.direct() || model instanceof LazyLoadingProxy || ClassUtils.getUserClass(type) != type) {
			return null;
		}
		PersistentPropertyAccessor<Object> accessor = plan.fieldHandles() ? null
				: plan.requiredEntity().getPropertyAccessor(model);
		PropertyWriter[] properties = plan.properties();
		@Nullable Object[] values = new Object[properties.length + 1];
		PropertyWriter id = plan.id();
		Object idValue = null;
		if (id != null) {
			Object raw = get(id, model, accessor);
			idValue = (raw != null) ? this.rules.id(id, raw) : null;
		}
		// a null id is left out, as the converter removes it
		values[0] = (idValue != null) ? idValue : OMITTED;
		for (int i = 0; i < properties.length; i++) {
			PropertyWriter property = properties[i];
			Object raw = get(property, model, accessor);
			Object value = (raw == null) ? null
					: (property.componentType() != null) ? collection(property, raw) : this.rules.simple(property, raw);
			if (value == WriteRules.NOT_WRITTEN) {
				return null;
			}
			values[i + 1] = (value != null || property.writeNull()) ? value : OMITTED;
		}
		return values;
	}

	/** A value the converter does not write. */
	static final Object OMITTED = new Object();

	/**
	 * The model converted as the converter converts it, for an insert to encode; null when the converter must write
	 * it, or when it has no id (the converter's document then gets one from the driver).
	 */
	@Nullable ConvertedModel convert(Object model) {
		WritePlan plan = this.rules.plan(model.getClass());
		@Nullable Object[] values;
		try {
			values = values(plan, model);
		}
		catch (RuntimeException ex) {
			// the converter fails the same way, or writes what the plan could not
			return null;
		}
		return (values != null && values[0] != OMITTED) ? new ConvertedModel(plan, values) : null;
	}

	/** Encodes a converted model as the {@code Document} codec encodes the converter's document. */
	void encode(BsonWriter writer, ConvertedModel model) {
		write(writer, model.plan(), model.values());
	}

	private static @Nullable Object get(PropertyWriter property, Object model,
			@Nullable PersistentPropertyAccessor<Object> accessor) {
		MethodHandle getter = property.getter();
		return (accessor == null && getter != null) ? FieldHandles.get(getter, model)
				: Objects.requireNonNull(accessor).getProperty(property.property());
	}

	/** The list the converter writes a collection as, or {@link WriteRules#NOT_WRITTEN}. */
	private Object collection(PropertyWriter property, Object value) {
		if (!(value instanceof Collection<?> elements) || this.rules.isSimple(value.getClass())) {
			return WriteRules.NOT_WRITTEN;
		}
		List<@Nullable Object> list = new ArrayList<>(elements.size());
		for (Object element : elements) {
			Object converted = (element != null) ? this.rules.element(property, element) : null;
			if (converted == WriteRules.NOT_WRITTEN) {
				return WriteRules.NOT_WRITTEN;
			}
			list.add(converted);
		}
		return list;
	}

	/**
	 * A list as the registry's collection codec writes it: each element by the registry's codec for its class.
	 * @param registryLists the registry's own encoder of lists, when it writes them otherwise than this
	 */
	private static void writeList(BsonWriter writer, List<?> list, Function<Class<?>, Encoder<Object>> encoders,
			@Nullable Encoder<Object> registryLists) {
		if (registryLists != null) {
			registryLists.encode(writer, list, ENCODING);
			return;
		}
		writer.writeStartArray();
		for (int i = 0; i < list.size(); i++) {
			Object element = list.get(i);
			if (element == null) {
				writer.writeNull();
			}
			else {
				encoders.apply(element.getClass()).encode(writer, element, ENCODING);
			}
		}
		writer.writeEndArray();
	}

}
