package io.djongo.spring.core.schema.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The auto-increment counters in djongo's {@code __schema__} collection, one document per collection:
 * {@code {name: <collection>, auto: {seq: <last id handed out>}}}.
 * <p>
 * Invariants: a counter never decreases, so every value this class has seen is a lower bound of the counter and is
 * kept ({@link #known}) to skip writes that could not change it. Ids are handed out by {@code $inc}, so two callers
 * never get the same id; explicit ids move the counter up with {@code $max}. A unique index on {@code name} keeps
 * concurrent first upserts from creating two counters; the loser of that race retries once.
 */
final class IdCounters implements IdSequence {

	/** djongo's collection of per-collection metadata. */
	static final String SCHEMA_COLLECTION = "__schema__";

	private static final String SEQ = "auto.seq";

	private static final Document NUMERIC_ID = Document.parse("{_id: {$type: ['int', 'long', 'double', 'decimal']}}");

	private final MongoDatabaseFactory databaseFactory;

	private final ConcurrentMap<String, Long> known = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Boolean> indexedDatabases = new ConcurrentHashMap<>();

	IdCounters(MongoDatabaseFactory databaseFactory) {
		this.databaseFactory = databaseFactory;
	}

	/**
	 * Reserves {@code count} consecutive ids of a collection with one {@code findAndModify}.
	 * @return the first of them
	 */
	@Override
	public long reserve(String collection, int count) {
		long last = update(collection, new Document("$inc", new Document(SEQ, (long) count)));
		return last - count + 1;
	}

	/**
	 * Makes sure later ids of the collection are above {@code id}, which was set explicitly; free when the counter is
	 * known to be there already.
	 */
	@Override
	public void advancePast(String collection, long id) {
		Long lowerBound = this.known.get(key(collection));
		if (lowerBound == null || lowerBound < id) {
			update(collection, new Document("$max", new Document(SEQ, id)));
		}
	}

	/**
	 * Moves the counter up to the highest numeric {@code _id} of the collection: after documents were inserted by
	 * hand or restored from a dump.
	 */
	@Override
	public void resynchronize(String collection) {
		Document highest = database().getCollection(collection)
			.find(NUMERIC_ID)
			.projection(Projections.include("_id"))
			.sort(Sorts.descending("_id"))
			.limit(1)
			.first();
		if (highest != null && highest.get("_id") instanceof Number max) {
			update(collection, new Document("$max", new Document(SEQ, max.longValue())));
		}
	}

	private long update(String collection, Document update) {
		MongoDatabase database = database();
		MongoCollection<Document> counters = database.getCollection(SCHEMA_COLLECTION);
		// other threads wait until the index exists: before it, two first upserts could create two counters
		this.indexedDatabases.computeIfAbsent(database.getName(), (name) -> {
			counters.createIndex(new Document("name", 1), new IndexOptions().unique(true));
			return Boolean.TRUE;
		});
		FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true)
			.returnDocument(ReturnDocument.AFTER);
		Document filter = new Document("name", collection);
		Document counter;
		try {
			counter = counters.findOneAndUpdate(filter, update, options);
		}
		catch (MongoServerException ex) {
			if (ErrorCategory.fromErrorCode(ex.getCode()) != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			// another writer created the counter between our find and insert: it exists now
			counter = counters.findOneAndUpdate(filter, update, options);
		}
		long value = seqOf(counter, collection);
		this.known.merge(key(collection), value, Math::max);
		return value;
	}

	private static long seqOf(@Nullable Document counter, String collection) {
		Object auto = (counter != null) ? counter.get("auto") : null;
		Object seq = (auto instanceof Document document) ? document.get("seq") : null;
		if (!(seq instanceof Number number)) {
			throw new IllegalStateException("The " + SCHEMA_COLLECTION + " entry of collection '" + collection
					+ "' has no numeric auto.seq: " + counter);
		}
		return number.longValue();
	}

	private MongoDatabase database() {
		return this.databaseFactory.getMongoDatabase();
	}

	private String key(String collection) {
		return database().getName() + '\u0000' + collection;
	}

	/**
	 * The position of the first document a write refused because its {@code _id} exists (a duplicate key on the
	 * {@code _id_} index, not on another unique index), or -1.
	 */
	static int duplicateIdIndex(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoBulkWriteException bulk) {
				for (BulkWriteError error : bulk.getWriteErrors()) {
					if (isDuplicateId(error.getCode(), error.getMessage())) {
						return error.getIndex();
					}
				}
				return -1;
			}
			if (cause instanceof MongoWriteException write) {
				return isDuplicateId(write.getError().getCode(), write.getError().getMessage()) ? 0 : -1;
			}
		}
		return -1;
	}

	private static boolean isDuplicateId(int code, @Nullable String message) {
		return ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY && message != null
				&& message.contains(" _id_ ");
	}

}
