package io.djongo.spring.core.model.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;

import org.bson.BsonReader;
import org.bson.BsonReaderMark;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.Decoder;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a stored document straight from BSON into a model, by the model's {@link ReadPlan}, or, where the plan
 * cannot read it exactly as the converter would read the {@link Document}, into that {@code Document} for the
 * converter (and the after-convert callbacks) to read.
 * <p>
 * The algorithm, per document: remember the reader's position; read each field the plan knows into the value the
 * registry's {@code Document} codec would decode ({@link BsonScalars}) and convert it by the converter's rules
 * ({@link ReadRules}), skip the fields it does not know (the converter ignores them too), check a type hint; then
 * create the model and set the values in the plan's order, the id first, as the converter does. On anything the plan
 * cannot read (a nested document, a hint naming another class, a value the conversion fails on, a required field
 * missing), go back to the remembered position and decode the {@code Document} instead. So a failure is the
 * converter's own, raised where the converter path raises it, and never from inside the driver's decoding of a reply.
 * <p>
 * Required fields are those the after-convert work checks (enforce-schema): when all are present the check would
 * pass and the model is returned; when one is missing the {@code Document} goes to the converter path, whose check
 * names what is missing. Invariant: a model returned here equals what the converter reads from the
 * {@code Document} of the same bytes.
 */
final class ModelDecoder implements Codec<Object> {

	private final ReadRules rules;

	private final ReadPlan plan;

	private final @Nullable BsonScalars scalars;

	private final Decoder<Document> documents;

	/** Positions in the plan of the fields that must be present; null when every document goes to the converter. */
	private final int @Nullable [] required;

	ModelDecoder(ReadRules rules, ReadPlan plan, @Nullable BsonScalars scalars, Decoder<Document> documents,
			@Nullable Set<String> requiredFields) {
		this.rules = rules;
		this.plan = plan;
		this.scalars = scalars;
		this.documents = documents;
		this.required = (plan.direct() && scalars != null) ? positions(plan, requiredFields) : null;
	}

	private static int @Nullable [] positions(ReadPlan plan, @Nullable Set<String> names) {
		if (names == null) {
			return null;
		}
		int[] positions = new int[names.size()];
		int next = 0;
		for (String name : names) {
			int index = plan.indexOf(name);
			if (index < 0) {
				// a field the plan does not read: only the document can show it is there
				return null;
			}
			positions[next++] = index;
		}
		return positions;
	}

	/** Whether any document is decoded straight into the model. */
	boolean direct() {
		return this.required != null;
	}

	/**
	 * The model, or the {@link Document} for the converter to read.
	 */
	@Override
	public Object decode(BsonReader reader, DecoderContext context) {
		if (this.required == null) {
			return this.documents.decode(reader, context);
		}
		BsonReaderMark mark = reader.getMark();
		Object model;
		try {
			model = read(reader, context);
		}
		catch (RuntimeException ex) {
			// the converter path fails the same way, or reads what the plan could not
			model = ReadRules.NOT_READ;
		}
		if (model != ReadRules.NOT_READ) {
			return model;
		}
		mark.reset();
		return this.documents.decode(reader, context);
	}

	private Object read(BsonReader reader, DecoderContext context) {
		BsonScalars scalars = this.scalars;
		int[] required = this.required;
		if (scalars == null || required == null) {
			return ReadRules.NOT_READ;
		}
		ReadPlan plan = this.plan;
		String[] names = plan.names();
		PropertyReader[] properties = plan.all();
		@Nullable Object[] values = new Object[properties.length];
		String typeKey = this.rules.typeKey();
		int expected = 0;
		reader.readStartDocument();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			String name = reader.readName();
			// fields come in the order the model writes them: try the next one before looking the name up
			int index = (expected < names.length && names[expected].equals(name)) ? expected : plan.indexOf(name);
			boolean hint = (typeKey != null) ? typeKey.equals(name) : this.rules.isTypeKey(name);
			if (index < 0 && !hint) {
				reader.skipValue();
				continue;
			}
			BsonType type = reader.getCurrentBsonType();
			Object value;
			if (hint) {
				Object raw = (type == BsonType.ARRAY) ? ReadRules.NOT_READ : scalars.read(reader, context);
				if (raw == ReadRules.NOT_READ || !ReadRules.acceptsHint(plan, raw)) {
					return ReadRules.NOT_READ;
				}
				if (index < 0) {
					continue;
				}
				value = (raw != null) ? this.rules.scalar(properties[index], raw) : null;
			}
			else if (type == BsonType.ARRAY) {
				// a list for a single value is the converter's
				value = (properties[index].componentType() != null)
						? collection(reader, context, scalars, properties[index]) : ReadRules.NOT_READ;
			}
			else {
				Object raw = scalars.read(reader, context);
				if (raw == ReadRules.NOT_READ) {
					return ReadRules.NOT_READ;
				}
				value = (raw != null) ? this.rules.scalar(properties[index], raw) : null;
			}
			if (value == ReadRules.NOT_READ) {
				return ReadRules.NOT_READ;
			}
			expected = index + 1;
			values[index] = (value != null) ? value : NULL;
		}
		reader.readEndDocument();
		for (int position : required) {
			if (values[position] == null) {
				return ReadRules.NOT_READ;
			}
		}
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			// a null id is left unset, as the converter does
			values[i] = (value == null || (value == NULL && i == 0 && plan.hasId())) ? ReadPlan.ABSENT
					: (value == NULL) ? null : value;
		}
		return this.rules.populate(plan, values);
	}

	/**
	 * A stored array read as the converter reads the list the {@code Document} codec decodes it into (an
	 * {@link java.util.ArrayList}, as {@link BsonScalars} checks), without that list.
	 */
	private @Nullable Object collection(BsonReader reader, DecoderContext context, BsonScalars scalars,
			PropertyReader property) {
		if (!this.rules.readsList(property, ArrayList.class)) {
			return ReadRules.NOT_READ;
		}
		Collection<@Nullable Object> items = this.rules.newCollection(property, 10);
		reader.readStartArray();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			Object element = scalars.read(reader, context);
			if (element == ReadRules.NOT_READ) {
				return ReadRules.NOT_READ;
			}
			Object item = (element != null) ? this.rules.scalarElement(property, element) : null;
			if (item == ReadRules.NOT_READ) {
				return ReadRules.NOT_READ;
			}
			items.add(item);
		}
		reader.readEndArray();
		return this.rules.collected(property, items);
	}

	/** Decodes only: a codec so that a collection can read with it. */
	@Override
	public void encode(BsonWriter writer, Object value, EncoderContext context) {
		throw new UnsupportedOperationException("A model decoder reads stored documents; models are written by the"
				+ " insert codec");
	}

	@Override
	public Class<Object> getEncoderClass() {
		return Object.class;
	}

	/** A field present with a null value, while a null entry is a field absent. */
	private static final Object NULL = new Object();

}
