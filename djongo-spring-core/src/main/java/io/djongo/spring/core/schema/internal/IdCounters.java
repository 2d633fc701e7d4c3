package io.djongo.spring.core.schema.internal;

import java.util.List;
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
import com.mongodb.client.model.UpdateOptions;
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
 * <p>
 * A collection shared with Django ({@link #shared(DjangoCounter)}) is counted exactly as djongo counts it, so that
 * inserts from both sides interleave: the same filter as djongo's inserts ({@code {name, auto: {$exists: true}}}),
 * {@code $inc} by an int32 (the counter stays int32 while it fits, as Python's ints are written), never an upsert
 * into an existing entry; a missing entry is created once, complete as djongo's {@code CREATE TABLE} writes it
 * ({@code $setOnInsert}), so that Django's inserts find {@code auto.field_names}.
 */
final class IdCounters implements IdSequence {

	/** djongo's collection of per-collection metadata. */
	static final String SCHEMA_COLLECTION = "__schema__";

	private static final String SEQ = "auto.seq";

	private static final List<String> NUMERIC = List.of("int", "long", "double", "decimal");

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
		Number max = highestId(collection, "_id");
		if (max != null) {
			update(collection, new Document("$max", new Document(SEQ, max.longValue())));
		}
	}

	@Override
	public IdSequence shared(DjangoCounter counter) {
		return new Shared(counter);
	}

	/** The highest numeric value of a collection's id field, or null. */
	private @Nullable Number highestId(String collection, String idField) {
		Document highest = database().getCollection(collection)
			.find(new Document(idField, new Document("$type", NUMERIC)))
			.projection(Projections.include(idField))
			.sort(Sorts.descending(idField))
			.limit(1)
			.first();
		return (highest != null && highest.get(idField) instanceof Number max) ? max : null;
	}

	private MongoCollection<Document> counters(boolean django) {
		MongoDatabase database = database();
		MongoCollection<Document> counters = database.getCollection(SCHEMA_COLLECTION);
		// other threads wait until the index exists: before it, two first upserts could create two counters
		this.indexedDatabases.computeIfAbsent(database.getName() + (django ? "\u0000django" : ""), (name) -> {
			counters.createIndex(new Document("name", 1), new IndexOptions().unique(true));
			if (django) {
				// djongo's second index on its __schema__ collection, created with the collection
				counters.createIndex(new Document("auto", 1));
			}
			return Boolean.TRUE;
		});
		return counters;
	}

	private long update(String collection, Document update) {
		MongoCollection<Document> counters = counters(false);
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

	/**
	 * A value as Python writes an int: int32 while it fits, so that a counter djongo keeps as int32 stays one (an
	 * int32 {@code $inc} that overflows makes it an int64 on the server).
	 */
	static Number pythonInt(long value) {
		return (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) ? (Number) (int) value : (Number) value;
	}

	/** The counters of one collection shared with Django. */
	private final class Shared implements IdSequence {

		private final DjangoCounter counter;

		Shared(DjangoCounter counter) {
			this.counter = counter;
		}

		@Override
		public long reserve(String collection, int count) {
			long last = update(collection, new Document("$inc", new Document(SEQ, count)));
			return last - count + 1;
		}

		@Override
		public void advancePast(String collection, long id) {
			Long lowerBound = IdCounters.this.known.get(key(collection));
			if (lowerBound == null || lowerBound < id) {
				update(collection, new Document("$max", new Document(SEQ, pythonInt(id))));
			}
		}

		@Override
		public void resynchronize(String collection) {
			Number max = highestId(collection, this.counter.requiredIdField());
			if (max != null) {
				update(collection, new Document("$max", new Document(SEQ, pythonInt(max.longValue()))));
			}
		}

		@Override
		public IdSequence shared(DjangoCounter counter) {
			return IdCounters.this.shared(counter);
		}

		/** djongo's own update of the entry; the entry created complete first when there is none. */
		private long update(String collection, Document update) {
			MongoCollection<Document> counters = counters(true);
			Document filter = new Document("name", collection).append("auto", new Document("$exists", true));
			FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
			Document entry = counters.findOneAndUpdate(filter, update, options);
			if (entry == null) {
				create(counters, collection, this.counter);
				entry = counters.findOneAndUpdate(filter, update, options);
			}
			if (entry == null) {
				throw new IllegalStateException("The " + SCHEMA_COLLECTION + " entry of collection '" + collection
						+ "' has no auto-increment counter (no 'auto'): the Django model has no AutoField, so"
						+ " djongo-spring cannot number its documents either; give the model's id a value");
			}
			long value = seqOf(entry, collection);
			IdCounters.this.known.merge(key(collection), value, Math::max);
			return value;
		}

	}

	/**
	 * Creates the entry of a collection shared with Django as djongo's {@code CREATE TABLE} writes it, unless one
	 * exists: an existing entry is never rewritten.
	 * @return whether it was created now
	 */
	boolean create(String collection, DjangoCounter counter) {
		return create(counters(true), collection, counter);
	}

	private static boolean create(MongoCollection<Document> counters, String collection, DjangoCounter counter) {
		try {
			return counters
				.updateOne(new Document("name", collection), new Document("$setOnInsert", counter.entry()),
						new UpdateOptions().upsert(true))
				.getUpsertedId() != null;
		}
		catch (MongoServerException ex) {
			if (ErrorCategory.fromErrorCode(ex.getCode()) != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			// created by the other side in the meantime
			return false;
		}
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
	 * The position of the first document a write refused because its id exists (a duplicate key on the id's unique
	 * index, not on another unique index), or -1.
	 * @param idIndex the id's index: {@code _id_}, or djongo's {@code __primary_key__}
	 */
	static int duplicateIdIndex(Throwable ex, String idIndex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoBulkWriteException bulk) {
				for (BulkWriteError error : bulk.getWriteErrors()) {
					if (isDuplicateId(error.getCode(), error.getMessage(), idIndex)) {
						return error.getIndex();
					}
				}
				return -1;
			}
			if (cause instanceof MongoWriteException write) {
				return isDuplicateId(write.getError().getCode(), write.getError().getMessage(), idIndex) ? 0 : -1;
			}
		}
		return -1;
	}

	/** Whether a refusal is a duplicate key on the id's index. */
	static boolean isDuplicateId(int code, @Nullable String message, String idIndex) {
		return ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY && message != null
				&& message.contains(" " + idIndex + " ");
	}

}
