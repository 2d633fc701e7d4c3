package io.djongo.spring.core.bridge;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.query.internal.QueryEngine;
import io.djongo.spring.core.query.internal.RelatedList;
import io.djongo.spring.core.relation.RelatedManager;
import io.djongo.spring.core.relation.internal.ThroughRows;
import io.djongo.spring.core.schema.internal.DjangoCollections;
import io.djongo.spring.core.schema.internal.DjangoDocuments;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What a {@link DjongoTemplate} does for models in Django storage besides mapping them: the documents it writes get
 * djongo's shape, a many-to-many field read from such a model re-reads its pairs from the through collection on
 * first use, and a save refuses a list assigned to it (Django's rule); a many-to-many's pairs change through
 * {@link #manyToMany}. (The start-up index step makes the collections ready: {@code DjongoSchema.indexes}.)
 * Nothing here touches a model in native storage.
 */
final class DjangoStorage {

	private final ModelRegistry models;

	private final QueryEngine queries;

	private final DjangoDocuments documents;

	private final DjangoCollections collections;

	/** The many-to-many fields carried by a through collection Django creates, per model class. */
	private final Map<Class<?>, List<Field>> throughFields = new ConcurrentHashMap<>();

	DjangoStorage(MongoDatabaseFactory databaseFactory, ModelRegistry models, QueryEngine queries) {
		this.models = models;
		this.queries = queries;
		this.documents = new DjangoDocuments(models.mappingContext());
		this.collections = new DjangoCollections(databaseFactory, models);
	}

	/** The column of a model's id when it is stored as Django stores it, else null. */
	@Nullable String idField(Class<?> type) {
		if (!this.documents.shapes(type)) {
			return null;
		}
		String idField = this.models.metadata(type).idField();
		return idField.equals("_id") ? null : idField;
	}

	/** Whether djongo shapes the documents of a model (one in Django storage). */
	boolean shapes(Class<?> type) {
		return this.documents.shapes(ClassUtils.getUserClass(type));
	}

	/** Gives a model's document djongo's shape; any other document is left as it is. */
	void shape(Object model, Document document) {
		this.documents.shape(ClassUtils.getUserClass(model), document);
	}

	/** Sets the many-to-many fields of a model just read to lists that read their pairs on first use. */
	Object attach(Object model) {
		for (Field field : throughFields(ClassUtils.getUserClass(model))) {
			reset(model, field);
		}
		return model;
	}

	/**
	 * Refuses models about to be written whose many-to-many field holds a list of its own: Django's "Direct
	 * assignment to the forward side of a many-to-many set is prohibited"; a list read with the model, or none, is
	 * left alone (the pairs are not stored with the model).
	 */
	void check(List<?> models) {
		for (Object model : models) {
			for (Field field : throughFields(ClassUtils.getUserClass(model))) {
				Object value = ReflectionUtils.getField(field, model);
				if (value != null && !(value instanceof RelatedList<?>)
						&& !(value instanceof Collection<?> list && list.isEmpty())) {
					throw new InvalidDataAccessApiUsageException("Direct assignment to the forward side of a"
							+ " many-to-many set is prohibited. Use manyToMany(" + field.getDeclaringClass().getSimpleName()
							+ ", \"" + field.getName() + "\").set(...) instead (" + field.getDeclaringClass().getSimpleName()
							+ "." + field.getName() + " is stored in a through collection, not with the model).");
				}
			}
		}
	}

	/**
	 * Saves the document of a model in Django storage as Django's {@code save()} does, an {@code UPDATE} of its
	 * columns that djongo sends as {@code $set}: columns the model does not declare (a field only the Django model has)
	 * keep their values, and so does {@code _id}; a document without that id is inserted (upsert).
	 * @return the id
	 */
	static Object update(MongoCollection<Document> collection, @Nullable WriteConcern concern, String idField,
			Document document) {
		Object id = Objects.requireNonNull(document.get(idField), "a saved document has its id");
		Document columns = new Document(document);
		columns.remove("_id");
		((concern != null) ? collection.withWriteConcern(concern) : collection).updateOne(new Document(idField, id),
				new Document("$set", columns), new UpdateOptions().upsert(true));
		return id;
	}

	/** The pairs of a model in a through collection Django creates. */
	<R> RelatedManager<R> manyToMany(MongoOperations operations, Object instance, String relation) {
		return new ThroughRows<R>(operations, this.models, instance, relation, this.collections::reserveThroughIds,
				() -> this.queries.related(instance, relation), () -> {
					Field field = ReflectionUtils.findField(ClassUtils.getUserClass(instance), relation);
					if (field != null && throughFields(ClassUtils.getUserClass(instance)).contains(field)) {
						reset(instance, field);
					}
				});
	}

	private void reset(Object model, Field field) {
		String name = field.getName();
		ReflectionUtils.setField(field, model, RelatedList.lazy(name, () -> this.queries.related(model, name).list()));
	}

	private List<Field> throughFields(Class<?> type) {
		List<Field> fields = this.throughFields.get(type);
		if (fields == null) {
			fields = this.throughFields.computeIfAbsent(type, this::findThroughFields);
		}
		return fields;
	}

	private List<Field> findThroughFields(Class<?> type) {
		if (!this.documents.shapes(type)) {
			return List.of();
		}
		ModelMetadata model = this.models.metadata(type);
		if (model.storage() != Storage.DJANGO) {
			return List.of();
		}
		List<Field> fields = new ArrayList<>();
		for (Relation relation : model.throughRelations().values()) {
			Relation.Through through = relation.through();
			Field field = ReflectionUtils.findField(type, relation.field());
			if (through != null && through.isAutoCreated() && field != null && List.class.isAssignableFrom(field.getType())) {
				ReflectionUtils.makeAccessible(field);
				fields.add(field);
			}
		}
		return List.copyOf(fields);
	}

}
