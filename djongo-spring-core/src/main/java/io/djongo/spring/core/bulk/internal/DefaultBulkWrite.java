package io.djongo.spring.core.bulk.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.djongo.spring.core.bulk.BulkError;
import io.djongo.spring.core.bulk.BulkResult;
import io.djongo.spring.core.bulk.BulkWrite;
import io.djongo.spring.core.bulk.BulkWriteException;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.Q;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.util.ClassUtils;

/**
 * The bulk write builder: operations are recorded in order, and {@link #execute()} works in three phases:
 * <ol>
 * <li><b>check</b> everything, nothing sent but the reads a lookup across relations needs: lookups and update values
 * compiled and validated by the QuerySet compiler, models to replace validated, models to insert validated whole;
 * </li>
 * <li><b>prepare</b>: inserts get their ids and files and are converted (the writer's steps), replacements are
 * converted, upserts of auto-increment models get a reserved id for {@code $setOnInsert};</li>
 * <li><b>send</b> one {@code bulkWrite} and read the driver's result: counts as the driver reports them, inserted
 * ids from the documents written (an ordered write stops at the first error), upserted ids from the server, and
 * after-save callbacks for the inserted models.</li>
 * </ol>
 */
public final class DefaultBulkWrite<T> implements BulkWrite<T> {

	private static final Bson NOTHING = new Document("_id", new Document("$in", List.of()));

	private final Class<T> model;

	private final BulkSupport support;

	private final List<Operation> operations = new ArrayList<>();

	private boolean ordered = true;

	private boolean executed;

	public DefaultBulkWrite(Class<T> model, BulkSupport support) {
		this.model = model;
		this.support = support;
	}

	@Override
	public BulkWrite<T> insert(T model) {
		return add(new Operation(Kind.INSERT, requireModel(model, "insert"), null, null));
	}

	@Override
	public BulkWrite<T> insertAll(Collection<? extends T> models) {
		models.forEach(this::insert);
		return this;
	}

	@Override
	public BulkWrite<T> update(Q where, Map<String, ?> values) {
		return add(new Operation(Kind.UPDATE_MANY, null, where, requireValues(values, "update")));
	}

	@Override
	public BulkWrite<T> updateOne(Q where, Map<String, ?> values) {
		return add(new Operation(Kind.UPDATE_ONE, null, where, requireValues(values, "updateOne")));
	}

	@Override
	public BulkWrite<T> replace(T model) {
		if (this.support.isVersioned(this.model)) {
			throw new InvalidDataAccessApiUsageException(name() + " has a @Version: replace() in a bulk write would"
					+ " skip its check; save the model instead");
		}
		return add(new Operation(Kind.REPLACE, requireModel(model, "replace"), null, null));
	}

	@Override
	public BulkWrite<T> delete(Q where) {
		return add(new Operation(Kind.DELETE_MANY, null, requireDeletable(where), null));
	}

	@Override
	public BulkWrite<T> deleteOne(Q where) {
		return add(new Operation(Kind.DELETE_ONE, null, requireDeletable(where), null));
	}

	@Override
	public BulkWrite<T> upsert(Q where, Map<String, ?> values) {
		return add(new Operation(Kind.UPSERT, null, where, requireValues(values, "upsert")));
	}

	@Override
	public BulkWrite<T> ordered(boolean ordered) {
		this.ordered = ordered;
		return this;
	}

	@Override
	public BulkResult execute() {
		if (this.executed) {
			throw new IllegalStateException("This bulk write of " + name() + " was already executed");
		}
		if (this.operations.isEmpty()) {
			throw new IllegalStateException("A bulk write of " + name() + " needs at least one operation");
		}
		this.executed = true;
		String collection = this.support.collection(this.model);
		// 1. check: compile lookups and values, validate the models, before anything is written
		List<BulkSupport.@Nullable Operation> compiled = new ArrayList<>();
		List<Object> inserted = new ArrayList<>();
		List<Object> replaced = new ArrayList<>();
		for (Operation operation : this.operations) {
			Q where = operation.where();
			compiled.add((where != null) ? this.support.compile(this.model, where, operation.values()) : null);
			if (operation.kind() == Kind.INSERT) {
				inserted.add(Objects.requireNonNull(operation.model()));
			}
			else if (operation.kind() == Kind.REPLACE) {
				replaced.add(Objects.requireNonNull(operation.model()));
			}
		}
		if (!replaced.isEmpty()) {
			this.support.validateAll(replaced);
		}
		// 2. prepare: ids, files, documents
		BulkSupport.Prepared prepared = inserted.isEmpty() ? null : this.support.prepareInserts(collection, inserted);
		List<WriteModel<Document>> writes = new ArrayList<>();
		Map<Integer, Integer> insertPositions = new LinkedHashMap<>();
		for (int i = 0; i < this.operations.size(); i++) {
			Operation operation = this.operations.get(i);
			if (operation.kind() == Kind.INSERT) {
				int position = insertPositions.size();
				insertPositions.put(i, position);
				writes.add(new InsertOneModel<>(Objects.requireNonNull(prepared).documents().get(position)));
			}
			else if (operation.kind() == Kind.REPLACE) {
				Document document = this.support.replacement(Objects.requireNonNull(operation.model()), collection);
				String idField = this.support.idField(this.model);
				writes.add(new ReplaceOneModel<>(Filters.eq(idField, document.get(idField)), document));
			}
			else {
				writes.add(write(operation, Objects.requireNonNull(compiled.get(i)), collection));
			}
		}
		// 3. send
		BulkWriteResult result;
		MongoBulkWriteException failure = null;
		try {
			result = this.support.send(collection, writes, this.ordered);
		}
		catch (MongoBulkWriteException ex) {
			failure = ex;
			result = ex.getWriteResult();
		}
		List<BulkError> errors = (failure != null) ? errors(failure) : List.of();
		Set<Integer> refused = new HashSet<>();
		errors.forEach((error) -> refused.add(error.index()));
		int firstRefused = errors.stream().mapToInt(BulkError::index).filter((index) -> index >= 0).min()
			.orElse(Integer.MAX_VALUE);
		Map<Integer, Object> insertedIds = new LinkedHashMap<>();
		for (Map.Entry<Integer, Integer> insert : insertPositions.entrySet()) {
			int index = insert.getKey();
			if (written(index, refused, firstRefused)) {
				insertedIds.put(index, Objects.requireNonNull(prepared).documents().get(insert.getValue())
					.get(this.support.idField(this.model)));
			}
		}
		if (prepared != null) {
			int[] indexes = new int[insertPositions.size()];
			insertPositions.forEach((index, position) -> indexes[position] = index);
			prepared.sent((position) -> written(indexes[position], refused, firstRefused));
		}
		Map<Integer, Object> upsertedIds = new LinkedHashMap<>();
		for (BulkWriteUpsert upsert : result.getUpserts()) {
			upsertedIds.put(upsert.getIndex(), plain(upsert.getId()));
		}
		BulkResult outcome = new BulkResult(result.getInsertedCount(), result.getMatchedCount(),
				result.getModifiedCount(), result.getDeletedCount(), result.getUpserts().size(), insertedIds,
				upsertedIds, errors);
		if (failure != null) {
			throw new BulkWriteException(name(), outcome, failure);
		}
		return outcome;
	}

	/** Whether an operation was written: not refused, and, ordered, before the first refusal. */
	private boolean written(int index, Set<Integer> refused, int firstRefused) {
		return !refused.contains(index) && (!this.ordered || index < firstRefused);
	}

	@SuppressWarnings("unchecked")
	private WriteModel<Document> write(Operation operation, BulkSupport.Operation compiled, String collection) {
		Bson filter = compiled.filter();
		Object update = compiled.update();
		return switch (operation.kind()) {
			case UPDATE_MANY -> (update instanceof List<?> pipeline)
					? new UpdateManyModel<>(filter, (List<? extends Bson>) pipeline)
					: new UpdateManyModel<>(filter, (Bson) Objects.requireNonNull(update));
			case UPDATE_ONE -> (update instanceof List<?> pipeline)
					? new UpdateOneModel<>(filter, (List<? extends Bson>) pipeline)
					: new UpdateOneModel<>(filter, (Bson) Objects.requireNonNull(update));
			case UPSERT -> upsert(filter, Objects.requireNonNull(update), collection);
			case DELETE_MANY -> new DeleteManyModel<>(filter);
			case DELETE_ONE -> new DeleteOneModel<>(filter);
			case INSERT, REPLACE -> throw new IllegalStateException(operation.kind() + " has no compiled filter");
		};
	}

	private WriteModel<Document> upsert(Bson filter, Object update, String collection) {
		if (filter.equals(NOTHING)) {
			throw new InvalidDataAccessApiUsageException(name() + ": upsert() lookups that can match nothing would"
					+ " insert a document without their values");
		}
		if (update instanceof List<?>) {
			throw new InvalidDataAccessApiUsageException(name() + ": upsert() takes literal values and F(...) +/- or"
					+ " * a number on a number field; other F expressions need an update()");
		}
		Document operators = new Document((Document) update);
		// a filter on the id gives an inserted document that id; otherwise an auto-increment model needs one
		String idField = this.support.idField(this.model);
		boolean idGiven = filter instanceof Document lookups && lookups.containsKey(idField);
		Object id = idGiven ? null : this.support.reserveId(this.model, collection);
		if (id != null) {
			operators.append("$setOnInsert", new Document(idField, id));
		}
		return new UpdateOneModel<>(filter, operators, new UpdateOptions().upsert(true));
	}

	private static List<BulkError> errors(MongoBulkWriteException failure) {
		List<BulkError> errors = new ArrayList<>();
		for (BulkWriteError error : failure.getWriteErrors()) {
			errors.add(new BulkError(error.getIndex(), error.getCode(), error.getMessage()));
		}
		WriteConcernError concern = failure.getWriteConcernError();
		if (concern != null) {
			errors.add(new BulkError(-1, concern.getCode(), concern.getMessage()));
		}
		return errors;
	}

	/** An id as the driver reads it into a {@link Document}: a Long stays a Long, an ObjectId an ObjectId. */
	private static Object plain(BsonValue id) {
		Document holder = new DocumentCodec().decode(new BsonDocumentReader(new BsonDocument("id", id)),
				DecoderContext.builder().build());
		return Objects.requireNonNull(holder.get("id"));
	}

	private BulkWrite<T> add(Operation operation) {
		if (this.executed) {
			throw new IllegalStateException("This bulk write of " + name() + " was already executed");
		}
		this.operations.add(operation);
		return this;
	}

	private Object requireModel(@Nullable T model, String what) {
		if (model == null || ClassUtils.getUserClass(model) != this.model) {
			throw new InvalidDataAccessApiUsageException(what + "() in a bulk write of " + name() + " takes a "
					+ name() + ", not " + ((model != null) ? ClassUtils.getUserClass(model).getSimpleName() : "null"));
		}
		return model;
	}

	private Map<String, ?> requireValues(Map<String, ?> values, String what) {
		if (values.isEmpty()) {
			throw new InvalidDataAccessApiUsageException(name() + ": " + what + "() needs at least one field");
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	private Q requireDeletable(Q where) {
		if (this.support.hasDependents(this.model)) {
			throw new InvalidDataAccessApiUsageException("Relations point at " + name() + ", so deleting it follows"
					+ " their on_delete rules, which a bulk write cannot: use objects(" + name()
					+ ".class).filter(...).delete()");
		}
		return where;
	}

	private String name() {
		ModelMetadata metadata = this.support.models().metadata(this.model);
		return metadata.name();
	}

	private enum Kind {

		INSERT, UPDATE_MANY, UPDATE_ONE, REPLACE, DELETE_MANY, DELETE_ONE, UPSERT

	}

	private record Operation(Kind kind, @Nullable Object model, @Nullable Q where, @Nullable Map<String, ?> values) {
	}

}
