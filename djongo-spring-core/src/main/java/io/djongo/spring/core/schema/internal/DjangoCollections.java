package io.djongo.spring.core.schema.internal;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The {@code __schema__} entries of the models in Django storage, made at start-up as djongo 1.3's {@code migrate}
 * makes them, with the index step that creates djongo's indexes ({@link DjangoIndexes}) and so the collections: the
 * entry of each model's collection and of each through collection Django creates, created complete when missing,
 * never rewritten, so that whichever side comes first, the other finds what it expects. Also numbers the rows of
 * through collections from their own counters.
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
	 * Creates the missing {@code __schema__} entries of every model in Django storage the mapping context knows.
	 * @return the collections whose entry was created
	 */
	public List<String> createEntries() {
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
			logger.warn("djongo-spring may not create the __schema__ entries of " + model.name()
					+ " (Django storage): they are left to Django's migrate (" + ex.getMessage() + ")");
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
	}

	/**
	 * Creates the entry of a collection unless it exists; an existing one that Django's inserts cannot use (no
	 * {@code auto.field_names}, as djongo-spring's native storage writes its counters) is reported, never rewritten.
	 */
	private void entry(String collection, DjangoCounter counter, List<String> created) {
		if (this.counters.create(collection, counter)) {
			created.add(collection);
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
