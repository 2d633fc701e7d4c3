package io.djongo.spring.core.relation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.ClientSessionOptions;
import com.mongodb.MongoCommandException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.relation.internal.DeletionCollector.DeletionPlan;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.MongoDatabaseUtils;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.util.ClassUtils;

/**
 * Deletions that honour the {@code on_delete} rules of the relations pointing at the deleted model, for one
 * {@link DjongoTemplate}: {@code QuerySet.delete()}, the repository deletes and {@code remove(model)} come here when
 * a relation points at their model.
 * <p>
 * First the {@link DeletionCollector} reads what the deletion reaches and checks every {@code PROTECT} and
 * {@code RESTRICT} rule; only then is anything written: one update per {@code SET_NULL}, {@code SET_DEFAULT} and
 * many-to-many relation, then one delete per model, referring models before referred ones. When the server runs
 * transactions (a replica set or sharded cluster, asked once with {@code hello}), reads and writes run in one
 * transaction; inside a Spring-managed MongoDB transaction they join it.
 */
public final class Deletions {

	private final DjongoTemplate template;

	private volatile @Nullable Boolean transactions;

	public Deletions(DjongoTemplate template) {
		this.template = template;
	}

	/** Whether any relation points at the model, so that deleting it needs more than one delete command. */
	public boolean hasDependents(Class<?> model) {
		return !this.template.getModelRegistry().relationsTo(model).isEmpty();
	}

	/**
	 * Deletes the documents of a model matching a stored (mapped) filter, with everything their deletion reaches.
	 * @return the number deleted per model
	 */
	public DeleteResult delete(Class<?> model, Bson filter) {
		MongoDatabaseFactory factory = this.template.getMongoDatabaseFactory();
		if (MongoDatabaseUtils.isTransactionActive(factory) || !supportsTransactions()) {
			return run(this.template, model, filter);
		}
		try (ClientSession session = factory.getSession(ClientSessionOptions.builder().causallyConsistent(true).build())) {
			MongoOperations bound = this.template.withSession(session);
			return session.withTransaction(() -> run(bound, model, filter));
		}
	}

	/** Deletes the models with these ids (Java values, as the id field holds them). */
	public DeleteResult deleteByIds(Class<?> model, Iterable<?> ids) {
		List<Object> values = new ArrayList<>();
		ids.forEach(values::add);
		MongoPersistentEntity<?> entity = entity(model);
		return delete(model, map(new Query(Criteria.where(entity.getRequiredIdProperty().getName()).in(values)), entity));
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

	/** Deletes every document of a model. */
	public DeleteResult deleteAll(Class<?> model) {
		return delete(model, new Document());
	}

	private DeleteResult run(MongoOperations operations, Class<?> model, Bson filter) {
		ModelRegistry models = this.template.getModelRegistry();
		DeletionPlan plan = new DeletionCollector(models, operations, this.template).collect(models.metadata(model),
				filter);
		if (plan.isEmpty()) {
			return new DeleteResult(0, Map.of());
		}
		for (Map.Entry<Relation, Set<Object>> update : plan.updated().entrySet()) {
			update(operations, update.getKey(), update.getValue());
		}
		List<Map.Entry<Class<?>, Set<Object>>> order = new ArrayList<>(plan.deleted().entrySet());
		java.util.Collections.reverse(order);
		Map<Class<?>, Long> counts = new LinkedHashMap<>();
		long total = 0;
		for (Map.Entry<Class<?>, Set<Object>> deleted : order) {
			Class<?> type = deleted.getKey();
			long count = 0;
			for (List<Object> chunk : DeletionCollector.chunks(deleted.getValue())) {
				count += operations.remove(new BasicQuery(new Document("_id", new Document("$in", chunk))), type)
					.getDeletedCount();
			}
			if (count > 0) {
				counts.put(type, count);
				total += count;
			}
		}
		return new DeleteResult(total, counts);
	}

	/** Clears the references a relation holds to deleted targets: SET_NULL, SET_DEFAULT, or $pull from an array. */
	private void update(MongoOperations operations, Relation relation, Set<Object> targets) {
		ModelRegistry models = this.template.getModelRegistry();
		ModelMetadata owner = models.metadata(relation.owner());
		String field = relation.storedField();
		for (List<Object> chunk : DeletionCollector.chunks(targets)) {
			Bson update;
			if (relation.isManyToMany()) {
				update = Updates.pull(field, new Document("$in", chunk));
			}
			else if (relation.onDelete() == OnDelete.SET_NULL) {
				// absent, as Spring Data stores null: a sparse unique index (one-to-one) then ignores it
				update = Updates.unset(field);
			}
			else {
				FieldDescriptor descriptor = owner.field(relation.field());
				update = Updates.set(field, RelationDeclarations.defaultValue(java.util.Objects.requireNonNull(descriptor),
						this.template.getConverter()));
			}
			Bson filter = Filters.in(field, chunk);
			operations.execute(DeletionCollector.collection(owner),
					(collection) -> collection.updateMany(filter, update));
		}
	}

	/**
	 * Whether the server runs multi-document transactions: a replica set member or a mongos that supports sessions.
	 * Asked once per template.
	 */
	public boolean supportsTransactions() {
		Boolean supported = this.transactions;
		if (supported == null) {
			supported = supportsTransactions(hello());
			this.transactions = supported;
		}
		return supported;
	}

	/** Whether a {@code hello} (or {@code isMaster}) reply describes a server that runs transactions. */
	static boolean supportsTransactions(Document hello) {
		boolean sessions = hello.get("logicalSessionTimeoutMinutes") != null;
		boolean replicaSet = hello.get("setName") != null;
		boolean mongos = "isdbgrid".equals(hello.get("msg"));
		return sessions && (replicaSet || mongos);
	}

	private Document hello() {
		try {
			return this.template.command(new Document("hello", 1));
		}
		catch (org.springframework.dao.DataAccessException | MongoCommandException ex) {
			// servers before MongoDB 4.4.2, and the embedded one, know only the legacy name
			return this.template.command(new Document("isMaster", 1));
		}
	}

	private MongoPersistentEntity<?> entity(Class<?> model) {
		return this.template.getConverter().getMappingContext().getRequiredPersistentEntity(model);
	}

	private Document map(Query query, MongoPersistentEntity<?> entity) {
		return new QueryMapper(this.template.getConverter()).getMappedObject(query.getQueryObject(), entity);
	}

}
