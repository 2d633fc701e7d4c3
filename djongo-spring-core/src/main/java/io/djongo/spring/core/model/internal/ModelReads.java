package io.djongo.spring.core.model.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Reads stored documents as models: directly ({@link DirectModelReader}) when the model's plan allows it, through the
 * converter otherwise. The after-convert callbacks are the caller's; this class tells them the collection, looked up
 * once per model class.
 */
public final class ModelReads {

	private final MongoConverter converter;

	private final Map<Class<?>, MongoPersistentEntity<?>> entities = new ConcurrentHashMap<>();

	private volatile @Nullable DirectModelReader direct;

	public ModelReads(MongoConverter converter) {
		this.converter = converter;
	}

	/** The model a document holds, before the after-convert callbacks. */
	public <T> T read(Document document, Class<T> model) {
		T read = direct().read(model, document);
		return (read != null) ? read : this.converter.read(model, document);
	}

	/** The collection of a model, as the after-convert callbacks are told it. */
	public String collection(Class<?> model) {
		MongoPersistentEntity<?> entity = this.entities.get(model);
		if (entity == null) {
			entity = this.converter.getMappingContext().getRequiredPersistentEntity(model);
			this.entities.put(model, entity);
		}
		// an entity's collection may be an expression: evaluated on every read, as Spring Data does
		return entity.getCollection();
	}

	private DirectModelReader direct() {
		DirectModelReader reader = this.direct;
		if (reader == null) {
			// built on first use: the converter is then fully configured
			reader = new DirectModelReader(this.converter);
			this.direct = reader;
		}
		return reader;
	}

}
