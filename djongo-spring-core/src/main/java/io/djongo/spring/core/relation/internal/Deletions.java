package io.djongo.spring.core.relation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.relation.internal.DeletionCollector.DeletionPlan;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.util.ClassUtils;

/**
 * Deletions that honour the {@code on_delete} rules of the relations pointing at the deleted model:
 * {@code QuerySet.delete()}, the repository deletes and {@code remove(model)} come here.
 * <p>
 * When no relation points at the model, a deletion is one delete command. Otherwise the {@link DeletionCollector}
 * first reads what the deletion reaches and checks every {@code PROTECT} and {@code RESTRICT} rule; only then is
 * anything written: one update per {@code SET_NULL}, {@code SET_DEFAULT} and many-to-many relation, then one delete
 * per model, referring models before referred ones. Reads and writes run in one atomic block of the template: one
 * transaction where the deployment runs them (a replica set or sharded cluster), joining an atomic block or a
 * {@code @Transactional} method already running.
 */
public final class Deletions {

	private final MongoOperations operations;

	private final ModelRegistry models;

	private final ModelReader reader;

	private final AtomicRunner atomic;

	/**
	 * @param operations where the reads and writes go
	 * @param models the models and the relations between them
	 * @param reader reads the documents a refused deletion names as models
	 * @param atomic runs the reads and writes of a deletion that follows relations in one transaction
	 */
	public Deletions(MongoOperations operations, ModelRegistry models, ModelReader reader, AtomicRunner atomic) {
		this.operations = operations;
		this.models = models;
		this.reader = reader;
		this.atomic = atomic;
	}

	/**
	 * Whether any relation points at the model, or a through collection Django creates holds its pairs, so that
	 * deleting it needs more than one delete command.
	 */
	public boolean hasDependents(Class<?> model) {
		if (!this.models.relationsTo(model).isEmpty()) {
			return true;
		}
		for (Relation relation : this.models.metadata(model).throughRelations().values()) {
			if (isAutoCreated(relation)) {
				return true;
			}
		}
		return this.models.throughRelationsTo(model).stream().anyMatch(Deletions::isAutoCreated);
	}

	private static boolean isAutoCreated(Relation relation) {
		Relation.Through through = relation.through();
		return through != null && through.isAutoCreated();
	}

	/**
	 * Deletes the documents of a model matching a stored (mapped) filter, with everything their deletion reaches; one
	 * {@code deleteMany} when nothing points at the model.
	 * @return the number deleted per model
	 */
	public DeleteResult delete(Class<?> model, Bson filter) {
		if (!hasDependents(model)) {
			String collection = DeletionCollector.collection(this.models.metadata(model));
			long deleted = Objects.requireNonNull(
					this.operations.execute(collection, (documents) -> documents.deleteMany(filter).getDeletedCount()),
					"deleteMany returned no result");
			return new DeleteResult(deleted, (deleted > 0) ? Map.of(model, deleted) : Map.of());
		}
		// the operations find the transaction's session themselves, as every template call does
		return this.atomic.run(() -> run(this.operations, model, filter));
	}

	/**
	 * Deletes the models with these ids (Java values, as the id field holds them); when nothing points at the model,
	 * with the template's own remove, as Spring Data's repositories do.
	 */
	public DeleteResult deleteByIds(Class<?> model, Iterable<?> ids) {
		List<Object> values = new ArrayList<>();
		ids.forEach(values::add);
		MongoPersistentEntity<?> entity = entity(model);
		String id = entity.getRequiredIdProperty().getName();
		Query query = new Query((values.size() == 1) ? Criteria.where(id).is(values.get(0))
				: Criteria.where(id).in(values));
		if (!hasDependents(model)) {
			long deleted = this.operations.remove(query, model).getDeletedCount();
			return new DeleteResult(deleted, (deleted > 0) ? Map.of(model, deleted) : Map.of());
		}
		return delete(model, map(query, entity));
	}

	/** Deletes one model instance: by its id, and its version when it has one, as Spring Data's remove does. */
	public DeleteResult deleteInstance(Object instance) {
		Class<?> model = ClassUtils.getUserClass(instance);
		MongoPersistentEntity<?> entity = entity(model);
		Object id = entity.getIdentifierAccessor(instance).getRequiredIdentifier();
		Criteria criteria = Criteria.where(entity.getRequiredIdProperty().getName()).is(id);
		MongoPersistentProperty version = entity.getVersionProperty();
		if (version != null) {
			Object current = entity.getPropertyAccessor(instance).getProperty(version);
			if (current != null) {
				criteria = criteria.and(version.getName()).is(current);
			}
		}
		return delete(model, map(new Query(criteria), entity));
	}

	/** Deletes every document of a model; when nothing points at it, with the template's own remove. */
	public DeleteResult deleteAll(Class<?> model) {
		if (!hasDependents(model)) {
			long deleted = this.operations.remove(new Query(), model).getDeletedCount();
			return new DeleteResult(deleted, (deleted > 0) ? Map.of(model, deleted) : Map.of());
		}
		return delete(model, new Document());
	}

	private DeleteResult run(MongoOperations operations, Class<?> model, Bson filter) {
		DeletionPlan plan = new DeletionCollector(this.models, operations, this.reader)
			.collect(this.models.metadata(model), filter);
		if (plan.isEmpty()) {
			return new DeleteResult(0, Map.of());
		}
		for (Map.Entry<Relation, Set<Object>> update : plan.updated().entrySet()) {
			update(operations, update.getKey(), update.getValue());
		}
		long total = 0;
		Map<String, Long> rows = new LinkedHashMap<>();
		for (Map.Entry<DeletionCollector.ThroughKey, Set<Object>> through : plan.throughRows().entrySet()) {
			DeletionCollector.ThroughKey key = through.getKey();
			for (List<Object> chunk : DeletionCollector.chunks(through.getValue())) {
				Long count = operations.execute(key.collection(),
						(collection) -> collection.deleteMany(Filters.in(key.key(), chunk)).getDeletedCount());
				if (count != null && count > 0) {
					rows.merge(key.collection(), count, Long::sum);
					total += count;
				}
			}
		}
		List<Map.Entry<Class<?>, Set<Object>>> order = new ArrayList<>(plan.deleted().entrySet());
		Collections.reverse(order);
		Map<Class<?>, Long> counts = new LinkedHashMap<>();
		for (Map.Entry<Class<?>, Set<Object>> deleted : order) {
			Class<?> type = deleted.getKey();
			String idField = this.models.metadata(type).idField();
			long count = 0;
			for (List<Object> chunk : DeletionCollector.chunks(deleted.getValue())) {
				count += operations.remove(new BasicQuery(new Document(idField, new Document("$in", chunk))), type)
					.getDeletedCount();
			}
			if (count > 0) {
				counts.put(type, count);
				total += count;
			}
		}
		return new DeleteResult(total, counts, rows);
	}

	/** Clears the references a relation holds to deleted targets: SET_NULL, SET_DEFAULT, or $pull from an array. */
	private void update(MongoOperations operations, Relation relation, Set<Object> targets) {
		ModelMetadata owner = this.models.metadata(relation.owner());
		String field = relation.storedField();
		for (List<Object> chunk : DeletionCollector.chunks(targets)) {
			Bson update;
			if (relation.isManyToMany()) {
				update = Updates.pull(field, new Document("$in", chunk));
			}
			else if (relation.onDelete() == OnDelete.SET_NULL) {
				// absent, as Spring Data stores null: a sparse unique index (one-to-one) then ignores it; Django
				// stores null
				update = (owner.storage() == Storage.DJANGO) ? Updates.set(field, null) : Updates.unset(field);
			}
			else {
				FieldDescriptor descriptor = Objects.requireNonNull(owner.field(relation.field()));
				Object value = RelationDeclarations.defaultValue(descriptor, operations.getConverter());
				update = Updates.set(field, (owner.storage() == Storage.DJANGO) ? pythonInt(value) : value);
			}
			Bson filter = Filters.in(field, chunk);
			operations.execute(DeletionCollector.collection(owner),
					(collection) -> collection.updateMany(filter, update));
		}
	}

	/** An integer as Python writes it, as Django stores it: int32 while it fits. */
	private static @Nullable Object pythonInt(@Nullable Object value) {
		return (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE)
				? (Object) number.intValue() : value;
	}

	private MongoPersistentEntity<?> entity(Class<?> model) {
		return this.operations.getConverter().getMappingContext().getRequiredPersistentEntity(model);
	}

	private Document map(Query query, MongoPersistentEntity<?> entity) {
		return new QueryMapper(this.operations.getConverter()).getMappedObject(query.getQueryObject(), entity);
	}

}
