package io.djongo.spring.core.model.internal;

import com.mongodb.DBRef;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Reads a document into a model the way Spring Data's {@link MappingMongoConverter} does, but with everything the
 * converter works out per document (the entity, the properties to read, their types) worked out once per model.
 * <p>
 * It reads only what it can read exactly as the converter would: models created through a no-argument constructor
 * whose persistent properties are plain values or collections of plain values, stored under plain names. For any other
 * model (embedded documents, maps, arrays, references, constructor arguments, SpEL, property value converters, a
 * custom reading converter for the whole model), and for any document holding something unexpected (a nested
 * document, a {@link DBRef}, a type hint naming another class, a collection where a single value is declared or the
 * reverse), {@link #read} returns null and the caller uses the converter. Each value goes through the converter's
 * own rules: a custom reading converter when one is registered for its type, else the value itself when it fits,
 * else the enum constant of its name, else the conversion service (see {@link ReadRules}).
 */
public final class DirectModelReader {

	private final ReadRules rules;

	public DirectModelReader(MongoConverter converter) {
		this(new ReadRules(converter));
	}

	DirectModelReader(ReadRules rules) {
		this.rules = rules;
	}

	/**
	 * The document as a model, or null when the converter must read it.
	 */
	public <T> @Nullable T read(Class<T> type, Document document) {
		ReadPlan plan = this.rules.plan(type);
		if (!plan.direct() || !acceptsHints(plan, document)) {
			return null;
		}
		PropertyReader[] properties = plan.all();
		@Nullable Object[] values = new Object[properties.length];
		for (int i = 0; i < properties.length; i++) {
			String name = properties[i].name();
			Object raw = document.get(name);
			if (raw == null && ((i == 0 && plan.hasId()) || !document.containsKey(name))) {
				// a null id is left unset, as the converter does
				values[i] = ReadPlan.ABSENT;
				continue;
			}
			Object value = (raw != null) ? this.rules.read(properties[i], raw) : null;
			if (value == ReadRules.NOT_READ) {
				return null;
			}
			values[i] = value;
		}
		@SuppressWarnings("unchecked")
		T model = (T) this.rules.populate(plan, values);
		return model;
	}

	private boolean acceptsHints(ReadPlan plan, Document document) {
		String typeKey = this.rules.typeKey();
		if (typeKey != null) {
			return ReadRules.acceptsHint(plan, document.get(typeKey));
		}
		for (String key : document.keySet()) {
			if (this.rules.isTypeKey(key) && !ReadRules.acceptsHint(plan, document.get(key))) {
				return false;
			}
		}
		return true;
	}

}
