package io.djongo.spring.core.schema;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.springframework.core.Ordered;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * Django's AutoField: a model whose {@code @Id} is a {@code Long} or {@code Integer} gets the next number of its
 * collection's counter on first save. Counters live in djongo's {@code __schema__} collection and advance with one
 * atomic {@code findAndModify $inc}.
 */
public class AutoIncrementIdCallback implements BeforeConvertCallback<Object>, Ordered {

	/** djongo's collection of per-collection metadata, holding the id counters. */
	public static final String SCHEMA_COLLECTION = "__schema__";

	private final MongoDatabaseFactory databaseFactory;

	private final MongoMappingContext mappingContext;

	public AutoIncrementIdCallback(MongoDatabaseFactory databaseFactory, MongoMappingContext mappingContext) {
		this.databaseFactory = databaseFactory;
		this.mappingContext = mappingContext;
	}

	@Override
	public Object onBeforeConvert(Object entity, String collection) {
		MongoPersistentEntity<?> persistentEntity = this.mappingContext.getPersistentEntity(entity.getClass());
		if (persistentEntity == null || !persistentEntity.hasIdProperty()) {
			return entity;
		}
		MongoPersistentProperty id = persistentEntity.getRequiredIdProperty();
		Class<?> type = id.getType();
		if (type != Long.class && type != Integer.class) {
			return entity;
		}
		PersistentPropertyAccessor<Object> accessor = persistentEntity.getPropertyAccessor(entity);
		if (accessor.getProperty(id) != null) {
			return entity;
		}
		long next = nextValue(collection);
		accessor.setProperty(id, (type == Integer.class) ? Math.toIntExact(next) : next);
		return accessor.getBean();
	}

	private long nextValue(String collection) {
		Document counter = this.databaseFactory.getMongoDatabase()
			.getCollection(SCHEMA_COLLECTION)
			.findOneAndUpdate(new Document("name", collection), new Document("$inc", new Document("auto.seq", 1L)),
					new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		return ((Number) counter.get("auto", Document.class).get("seq")).longValue();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
