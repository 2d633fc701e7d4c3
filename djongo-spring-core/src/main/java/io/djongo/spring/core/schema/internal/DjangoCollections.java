package io.djongo.spring.core.schema.internal;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.schema.internal.DjangoIndexes.DjangoIndex;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The collections of the models in Django storage, made ready at start-up as djongo 1.3's {@code migrate} makes them,
 * so that whichever side comes first, the other finds what it expects: the {@code __schema__} entry of each model's
 * collection and of each through collection Django creates (created complete when missing, never rewritten), and the
 * indexes djongo creates ({@link DjangoIndexes}), each created when no index of its keys exists. Also numbers the
 * rows of through collections from their own counters.
 */
public final class DjangoCollections {

	private static final Log logger = LogFactory.getLog("djongo.schema");

	private final MongoDatabaseFactory databaseFactory;

	private final ModelRegistry models;

	private final IdCounters counters;

	public DjangoCollections(MongoDatabaseFactory databaseFactory, ModelRegistry models) {
		this.databaseFactory = databaseFactory;
		this.models = models;
		this.counters = new IdCounters(databaseFactory);
	}

	/**
	 * Prepares the collections of every model in Django storage the mapping context knows.
	 * @return what was created, one line each ({@code __schema__ blog_post}, {@code index blog_post
	 * __primary_key__})
	 */
	public List<String> prepare() {
		List<String> created = new ArrayList<>();
		for (MongoPersistentEntity<?> entity : this.models.mappingContext().getPersistentEntities()) {
			if (entity.getType().isInterface()) {
				continue;
			}
			ModelMetadata model = this.models.metadata(entity.getType());
			if (model.storage() == Storage.DJANGO && model.collection() != null) {
				prepare(model, created);
			}
		}
		return created;
	}

	private void prepare(ModelMetadata model, List<String> created) {
		try {
			create(model, created);
		}
		catch (MongoException ex) {
			if (!isUnauthorized(ex)) {
				throw ex;
			}
			// a read-only user (a reporting service): Django's side, or an administrator, creates them
			logger.warn("djongo-spring may not create what djongo's migrate creates for " + model.name()
					+ " (Django storage): its __schema__ entries and indexes are left to Django's migrate ("
					+ ex.getMessage() + ")");
		}
	}

	static boolean isUnauthorized(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoServerException server && server.getCode() == 13) {
				return true;
			}
		}
		return false;
	}

	private void create(ModelMetadata model, List<String> created) {
		String collection = model.collection();
		if (collection != null) {
			entry(collection, DjangoSchema.counter(model.entity(), this.models.mappingContext()), created);
		}
		for (Relation relation : model.throughRelations().values()) {
			Relation.Through through = relation.through();
			if (through != null && through.isAutoCreated()) {
				entry(through.collection(), DjangoSchema.throughCounter(relation, this.models.mappingContext()),
						created);
			}
		}
		MongoDatabase database = this.databaseFactory.getMongoDatabase();
		for (DjangoIndex index : indexes(model)) {
			MongoCollection<Document> target = database.getCollection(index.collection());
			if (hasIndexOn(target, index.keys())) {
				continue;
			}
			IndexOptions options = new IndexOptions().name(index.name())
				.unique(Boolean.TRUE.equals(index.options().getBoolean("unique")));
			target.createIndex(index.keys(), options);
			created.add("index " + index.collection() + " " + index.name());
		}
	}

	/**
	 * Creates the entry of a collection unless it exists; an existing one that Django's inserts cannot use (no
	 * {@code auto.field_names}, as djongo-spring's native storage writes its counters) is reported, never rewritten.
	 */
	private void entry(String collection, DjangoCounter counter, List<String> created) {
		if (this.counters.create(collection, counter)) {
			created.add("__schema__ " + collection);
			return;
		}
		Document entry = this.databaseFactory.getMongoDatabase()
			.getCollection(IdCounters.SCHEMA_COLLECTION)
			.find(new Document("name", collection))
			.first();
		Object auto = (entry != null) ? entry.get("auto") : null;
		if (counter.idField() != null && auto instanceof Document document && !document.containsKey("field_names")) {
			logger.warn("The " + IdCounters.SCHEMA_COLLECTION + " entry of '" + collection + "' has no auto.field_names"
					+ " (djongo-spring's native storage writes its counters so): Django's inserts into it fail with"
					+ " KeyError: 'field_names'. djongo-spring never rewrites an entry; add it: db."
					+ IdCounters.SCHEMA_COLLECTION + ".updateOne({name: '" + collection + "'}, {$set: {'auto.field_names':"
					+ " ['" + counter.idField() + "']}})");
		}
	}

	/**
	 * The indexes djongo creates for a model in Django storage and its through collections: for the start-up step
	 * that creates the indexes the models declare.
	 */
	static List<DjangoIndex> indexes(ModelMetadata model) {
		return DjangoIndexes.of(model);
	}

	/** Whether the collection has an index of these keys, whatever its name (Django's may be named otherwise). */
	private static boolean hasIndexOn(MongoCollection<Document> collection, Document keys) {
		for (Document index : collection.listIndexes()) {
			Object existing = index.get("key");
			if (existing instanceof Document pattern && sameKeys(pattern, keys)) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameKeys(Document existing, Document keys) {
		if (!List.copyOf(existing.keySet()).equals(List.copyOf(keys.keySet()))) {
			return false;
		}
		for (String key : keys.keySet()) {
			if (!(existing.get(key) instanceof Number a && keys.get(key) instanceof Number b)
					|| a.doubleValue() != b.doubleValue()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reserves ids for new rows of the through collection Django creates for a many-to-many field, from its own
	 * counter as Django numbers them.
	 * @return the first of them
	 */
	public long reserveThroughIds(Relation relation, int count) {
		String collection = DjangoSchema.requiredThrough(relation).collection();
		return this.counters.shared(DjangoSchema.throughCounter(relation, this.models.mappingContext()))
			.reserve(collection, count);
	}

}
