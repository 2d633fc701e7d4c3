package io.djongo.spring.core.bridge;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The read concern, write concern and read preference of each model ({@code @Model(readConcern, writeConcern,
 * readPreference)}), found by the model's collection: every command of the template goes through a collection it
 * prepares, so QuerySets, repositories, deletions and the model writer all get them. A collection no model names
 * keeps the template's settings; the answer is kept until the mapping context learns another entity.
 */
final class ModelConcerns {

	private final ModelRegistry models;

	private final Map<String, Optional<ModelMetadata>> byCollection = new ConcurrentHashMap<>();

	private volatile int known = -1;

	ModelConcerns(ModelRegistry models) {
		this.models = models;
	}

	/** The collection with the read concern, read preference and write concern of the model it belongs to. */
	MongoCollection<Document> apply(MongoCollection<Document> collection) {
		ModelMetadata model = model(collection.getNamespace().getCollectionName());
		if (model == null) {
			return collection;
		}
		MongoCollection<Document> result = collection;
		ReadConcern readConcern = model.readConcern();
		if (readConcern != null) {
			result = result.withReadConcern(readConcern);
		}
		ReadPreference readPreference = model.readPreference();
		if (readPreference != null) {
			result = result.withReadPreference(readPreference);
		}
		WriteConcern writeConcern = model.writeConcern();
		if (writeConcern != null) {
			result = result.withWriteConcern(writeConcern);
		}
		return result;
	}

	/** The write concern of the model whose collection this is, or null. */
	@Nullable WriteConcern writeConcern(@Nullable String collection) {
		ModelMetadata model = (collection != null) ? model(collection) : null;
		return (model != null) ? model.writeConcern() : null;
	}

	private @Nullable ModelMetadata model(String collection) {
		int entities = this.models.mappingContext().getPersistentEntities().size();
		if (entities != this.known) {
			this.byCollection.clear();
			this.known = entities;
		}
		return this.byCollection.computeIfAbsent(collection, this::find).orElse(null);
	}

	private Optional<ModelMetadata> find(String collection) {
		for (MongoPersistentEntity<?> entity : this.models.mappingContext().getPersistentEntities()) {
			if (!entity.getType().isInterface()
					&& entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)
					&& collection.equals(entity.getCollection())) {
				ModelMetadata model = this.models.metadata(entity.getType());
				if (model.readConcern() != null || model.writeConcern() != null || model.readPreference() != null) {
					return Optional.of(model);
				}
			}
		}
		return Optional.empty();
	}

}
