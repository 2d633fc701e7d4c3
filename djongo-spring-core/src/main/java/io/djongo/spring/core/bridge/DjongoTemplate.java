package io.djongo.spring.core.bridge;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.model.internal.DirectModelReader;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.internal.QueryEngine;
import io.djongo.spring.core.relation.internal.Deletions;
import io.djongo.spring.core.schema.BulkCreateException;
import io.djongo.spring.core.schema.ModelValidator;
import io.djongo.spring.core.schema.internal.AutoIds;
import io.djongo.spring.core.schema.internal.IdCounters;
import io.djongo.spring.core.schema.internal.WriteBatch;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MappedDocument;
import org.springframework.data.mongodb.core.MongoAction;
import org.springframework.data.mongodb.core.MongoActionOperation;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoWriter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The application's {@link MongoTemplate}, extended with djongo's entry points: {@link #objects(Class) QuerySets}
 * and the mongo bridge ({@link #mongo(Class)}, {@link #command(Bson)}, {@link #toModel(Document, Class)}).
 * <p>
 * It is the one place that knows the collection of each model. The {@code mongo*} calls hand out the driver's raw
 * {@link MongoCollection}: what is written through it bypasses validation and id assignment, as djongo's
 * {@code DjongoManager} does.
 */
public class DjongoTemplate extends MongoTemplate {

	private final ModelRegistry models;

	private volatile QueryEngine queries;

	private volatile ZoneId zone = ZoneOffset.UTC;

	private volatile boolean logValues;

	public DjongoTemplate(MongoDatabaseFactory databaseFactory, MongoConverter converter) {
		super(withDjongoExceptions(databaseFactory), converter);
		this.models = new ModelRegistry(converter.getMappingContext());
		this.queries = queryEngine();
	}

	private QueryEngine queryEngine() {
		return new QueryEngine(this, this.models, this.zone, this.logValues, this::toModel, this::validateValues,
				this::deleteMatching);
	}

	/**
	 * A factory still on Spring Data's default exception translation gets djongo's, whose messages name the server
	 * when a connection breaks ({@link DjongoExceptionTranslator}); the template reads it from the factory.
	 */
	private static MongoDatabaseFactory withDjongoExceptions(MongoDatabaseFactory databaseFactory) {
		if (databaseFactory instanceof MongoDatabaseFactorySupport<?> support
				&& support.getExceptionTranslator().getClass() == MongoExceptionTranslator.class) {
			support.setExceptionTranslator(new DjongoExceptionTranslator());
		}
		return databaseFactory;
	}

	/**
	 * The base QuerySet of a model: every document of its collection, lazily.
	 */
	public <T> QuerySet<T> objects(Class<T> model) {
		return this.queries.objects(model);
	}

	/**
	 * The models related to a model instance, as a QuerySet: Django's {@code author.post_set} is
	 * {@code related(author, "posts")}, {@code post.tags} is {@code related(post, "tags")}. The relation is a foreign
	 * key or many-to-many field of the instance's model, or the related name of one pointing at it. Building the
	 * QuerySet sends nothing; a forward relation is read from the ids the instance holds, never by loading it.
	 * @param <R> the related model
	 */
	public <R> QuerySet<R> related(Object instance, String relation) {
		return this.queries.related(instance, relation);
	}

	/**
	 * What djongo knows of the models: fields, stored names, containers; resolves lookup paths.
	 */
	public ModelRegistry getModelRegistry() {
		return this.models;
	}

	/**
	 * Sets the time zone of date transforms ({@code __year}, {@code __date}, {@code __hour}, ...); UTC by default.
	 * Other zones use MongoDB operators that the embedded server does not have.
	 */
	public void setTimeZone(ZoneId zone) {
		this.zone = zone;
		this.queries = queryEngine();
	}

	/**
	 * Whether the QuerySet log ({@code djongo.query} at DEBUG) shows values; by default it shows each command's
	 * shape, values as {@code ?}, as the command log does.
	 */
	public void setLogValues(boolean logValues) {
		this.logValues = logValues;
		this.queries = queryEngine();
	}

	/**
	 * The raw collection behind a model. Writes through it are not validated.
	 */
	@BypassesValidation
	public MongoCollection<Document> mongo(Class<?> model) {
		return getCollection(getCollectionName(model));
	}

	/**
	 * A raw collection by name. Writes through it are not validated.
	 */
	@BypassesValidation
	public MongoCollection<Document> mongo(String collection) {
		return getCollection(collection);
	}

	/**
	 * Runs a database command against the djongo database and returns the server's reply.
	 */
	@BypassesValidation
	public Document command(Bson command) {
		return Objects.requireNonNull(execute(db -> db.runCommand(command)), "runCommand returned no reply");
	}

	/**
	 * Maps a raw document to a model instance through the same converter and after-convert callbacks (enforce-schema
	 * among them) that QuerySets and repositories use.
	 */
	public <T> T toModel(Document document, Class<T> model) {
		T read = directReader().read(model, document);
		return maybeCallAfterConvert((read != null) ? read : getConverter().read(model, document), document,
				readCollection(model));
	}

	// --- reading models fast: see DirectModelReader; the converter reads what it cannot ---

	private volatile @Nullable DirectModelReader directReader;

	private final Map<Class<?>, MongoPersistentEntity<?>> readEntities = new ConcurrentHashMap<>();

	private DirectModelReader directReader() {
		DirectModelReader reader = this.directReader;
		if (reader == null) {
			reader = new DirectModelReader(getConverter());
			this.directReader = reader;
		}
		return reader;
	}

	/** {@link #getCollectionName(Class)} without looking the entity up on every document. */
	private String readCollection(Class<?> model) {
		MongoPersistentEntity<?> entity = this.readEntities.get(model);
		if (entity == null) {
			String collection = getCollectionName(model);
			entity = getConverter().getMappingContext().getPersistentEntity(model);
			if (entity == null) {
				return collection;
			}
			this.readEntities.put(model, entity);
		}
		return entity.getCollection();
	}

	// --- models: validation and auto-increment ids on every write (see io.djongo.spring.core.schema) ---

	private @Nullable ObjectProvider<ModelValidator> modelValidators;

	private volatile @Nullable ModelValidator modelValidator;

	private volatile @Nullable AutoIds autoIds;

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
		super.setApplicationContext(applicationContext);
		this.modelValidators = applicationContext.getBeanProvider(ModelValidator.class);
	}

	/**
	 * Django's {@code full_clean()}: validates a model as a write would, without writing.
	 * @throws ValidationException naming every field that failed
	 */
	public void validate(Object model) {
		getModelValidator().validate(model);
	}

	/**
	 * Validates literal values about to be written to fields of a model, as an update does: see
	 * {@link ModelValidator#validateValues(Class, Map)}.
	 * @throws ValidationException naming every field that failed
	 */
	public void validateValues(Class<?> model, Map<String, ?> values) {
		getModelValidator().validateValues(model, values);
	}

	/**
	 * The validator of this template: the application's {@link ModelValidator} bean, or one with the default Bean
	 * Validation provider.
	 */
	public ModelValidator getModelValidator() {
		ModelValidator validator = this.modelValidator;
		if (validator == null) {
			ObjectProvider<ModelValidator> beans = this.modelValidators;
			validator = (beans != null) ? beans.getIfUnique(ModelValidator::withDefaultBeanValidation)
					: ModelValidator.withDefaultBeanValidation();
			this.modelValidator = validator;
		}
		return validator;
	}

	@Override
	public <T> T save(T objectToSave, String collectionName) {
		if (autoIds().isUnassigned(objectToSave)) {
			// a new model: an upsert by a counter id could overwrite a document inserted by hand
			return insert(objectToSave, collectionName);
		}
		return WriteBatch.run(collectionName, List.of(objectToSave), () -> saveVersioned(objectToSave, collectionName));
	}

	/**
	 * Spring Data's save, except that a save refused for a stale {@code @Version} leaves the model's version as it
	 * was: Spring Data bumps it before sending, so saving the same stale model again would overwrite the other
	 * writer's change, the lost update the version is there to prevent.
	 */
	private <T> T saveVersioned(T model, String collectionName) {
		MongoPersistentEntity<?> entity = getConverter().getMappingContext().getPersistentEntity(model.getClass());
		if (entity == null || !entity.hasVersionProperty()) {
			return super.save(model, collectionName);
		}
		PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(model);
		Object version = accessor.getProperty(entity.getRequiredVersionProperty());
		try {
			return super.save(model, collectionName);
		}
		catch (OptimisticLockingFailureException ex) {
			accessor.setProperty(entity.getRequiredVersionProperty(), version);
			throw ex;
		}
	}

	@Override
	protected <T> T doInsert(String collectionName, T objectToSave, MongoWriter<T> writer) {
		return WriteBatch.run(collectionName, List.of(objectToSave),
				() -> super.doInsert(collectionName, objectToSave, writer));
	}

	@Override
	protected <T> Collection<T> doInsertBatch(String collectionName, Collection<? extends T> batchToSave,
			MongoWriter<T> writer) {
		return WriteBatch.run(collectionName, batchToSave, () -> super.doInsertBatch(collectionName, batchToSave, writer));
	}

	@Override
	protected Object insertDocument(String collectionName, Document document, Class<?> entityClass) {
		WriteBatch batch = WriteBatch.current();
		if (batch == null) {
			return super.insertDocument(collectionName, document, entityClass);
		}
		batch.throwIfInvalid();
		try {
			return super.insertDocument(collectionName, document, entityClass);
		}
		catch (DuplicateKeyException ex) {
			if (IdCounters.duplicateIdIndex(ex) != 0 || !batch.reassignIds(List.of(document))) {
				throw ex;
			}
			return super.insertDocument(collectionName, document, entityClass);
		}
	}

	/**
	 * Django's {@code bulk_create}: inserts new models with one insert command (per 100,000 models or 48 MB, as
	 * the driver splits it), after validating all of them and reserving their ids with one counter update. Ordered:
	 * the server stops at the first model it refuses.
	 * @return the models as written, with their ids
	 * @throws ValidationException when a model is invalid: nothing is written
	 * @throws BulkCreateException when the server refuses models (a unique index): which ones, which were written
	 * and which were not attempted
	 */
	public <T> List<T> bulkCreate(Collection<? extends T> models) {
		return bulkCreate(models, true);
	}

	/**
	 * Django's {@code bulk_create}, as {@link #bulkCreate(Collection)}, ordered or not: an unordered insert writes
	 * every model the server does not refuse.
	 * @param ordered whether the server stops at the first model it refuses
	 */
	@SuppressWarnings("unchecked")
	public <T> List<T> bulkCreate(Collection<? extends T> models, boolean ordered) {
		if (models.isEmpty()) {
			return List.of();
		}
		String collection = getCollectionName(models.iterator().next().getClass());
		List<T> batch = List.copyOf(models);
		return (List<T>) WriteBatch.run(collection, batch, ordered,
				() -> List.copyOf(super.doInsertBatch(collection, batch, (MongoWriter<T>) getConverter())));
	}

	@Override
	protected List<Object> insertDocumentList(String collectionName, List<Document> documents) {
		WriteBatch batch = WriteBatch.current();
		if (batch == null) {
			return super.insertDocumentList(collectionName, documents);
		}
		batch.throwIfInvalid();
		boolean ordered = batch.ordered();
		try {
			insertMany(collectionName, documents, ordered);
			return MappedDocument.toIds(documents);
		}
		catch (DuplicateKeyException ex) {
			// models whose automatic ids collide with documents inserted by hand get new ids, once
			List<Integer> retried = refusedForTheirId(ex, documents.size(), ordered);
			List<Document> resend = new ArrayList<>();
			for (int index : retried) {
				resend.add(documents.get(index));
			}
			if (retried.isEmpty() || !batch.reassignIds(resend)) {
				throw bulkFailure(batch, ordered, ex, null);
			}
			try {
				insertMany(collectionName, resend, ordered);
			}
			catch (DuplicateKeyException again) {
				throw bulkFailure(batch, ordered, again, retried);
			}
			return MappedDocument.toIds(documents);
		}
	}

	/**
	 * The positions to send again after a refusal for duplicate automatic ids: from the refused one on (ordered),
	 * or the refused ones (unordered); empty when anything else was refused.
	 */
	private static List<Integer> refusedForTheirId(DuplicateKeyException ex, int size, boolean ordered) {
		int first = IdCounters.duplicateIdIndex(ex);
		if (first < 0) {
			return List.of();
		}
		List<Integer> positions = new ArrayList<>();
		if (ordered) {
			for (int i = first; i < size; i++) {
				positions.add(i);
			}
			return positions;
		}
		MongoBulkWriteException report = (ex.getCause() instanceof MongoBulkWriteException bulk) ? bulk : null;
		if (report == null) {
			return List.of();
		}
		for (BulkWriteError error : report.getWriteErrors()) {
			if (!error.getMessage().contains(" _id_ ")) {
				return List.of();
			}
			positions.add(error.getIndex());
		}
		return positions;
	}

	/**
	 * The failure of a batch insert, per model.
	 * @param sent the position of each document of the failed insert in the batch, null when it sent all
	 */
	private static RuntimeException bulkFailure(WriteBatch batch, boolean ordered, DuplicateKeyException ex,
			@Nullable List<Integer> sent) {
		List<Object> models = new ArrayList<>(batch.models());
		MongoBulkWriteException report = null;
		for (Throwable cause = ex; cause != null && report == null; cause = cause.getCause()) {
			report = (cause instanceof MongoBulkWriteException bulk) ? bulk : null;
		}
		if (report == null) {
			return ex;
		}
		List<BulkWriteError> errors = new ArrayList<>();
		for (BulkWriteError error : report.getWriteErrors()) {
			int index = (sent != null) ? sent.get(error.getIndex()) : error.getIndex();
			errors.add(new BulkWriteError(error.getCode(), error.getMessage(), error.getDetails(), index));
		}
		return new BulkCreateException(models, ordered, errors, ex);
	}

	private void insertMany(String collectionName, List<Document> documents, boolean ordered) {
		if (ordered) {
			super.insertDocumentList(collectionName, documents);
			return;
		}
		execute(collectionName, (collection) -> {
			MongoAction action = new MongoAction(this.writeConcern, MongoActionOperation.INSERT_LIST, collectionName,
					null, null, null);
			WriteConcern writeConcern = prepareWriteConcern(action);
			(writeConcern != null ? collection.withWriteConcern(writeConcern) : collection).insertMany(documents,
					new InsertManyOptions().ordered(false));
			return null;
		});
	}

	private @Nullable WriteConcern writeConcern;

	@Override
	public void setWriteConcern(@Nullable WriteConcern writeConcern) {
		super.setWriteConcern(writeConcern);
		this.writeConcern = writeConcern;
	}

	// --- relations: on_delete rules of deletions (see io.djongo.spring.core.relation) ---

	private volatile @Nullable Deletions deletions;

	/**
	 * The deletions of this template, which apply the {@code on_delete} rules of the relations pointing at a deleted
	 * model; used by {@code QuerySet.delete()} and the repositories.
	 */
	public Deletions getDeletions() {
		Deletions result = this.deletions;
		if (result == null) {
			result = new Deletions(this);
			this.deletions = result;
		}
		return result;
	}

	/**
	 * What {@code QuerySet.delete()} deletes by: the {@code on_delete} rules when relations point at the model, else
	 * one {@code deleteMany}.
	 */
	private DeleteResult deleteMatching(Class<?> model, Bson filter) {
		if (getDeletions().hasDependents(model)) {
			return getDeletions().delete(model, filter);
		}
		com.mongodb.client.result.DeleteResult result = execute(getCollectionName(model),
				(collection) -> collection.deleteMany(filter));
		long deleted = (result != null) ? result.getDeletedCount() : 0;
		return new DeleteResult(deleted, (deleted > 0) ? Map.of(model, deleted) : Map.of());
	}

	/**
	 * Removes a model instance as {@link MongoTemplate} does, applying the {@code on_delete} rules of the relations
	 * pointing at it (cascades, protection, restriction, set null or default) when there are any; the count is of
	 * the instance itself.
	 */
	@Override
	public com.mongodb.client.result.DeleteResult remove(Object object, String collectionName) {
		Class<?> model = org.springframework.util.ClassUtils.getUserClass(object);
		if (!getDeletions().hasDependents(model) || !collectionName.equals(getCollectionName(model))) {
			return super.remove(object, collectionName);
		}
		return com.mongodb.client.result.DeleteResult.acknowledged(getDeletions().deleteInstance(object).count(model));
	}

	private AutoIds autoIds() {
		AutoIds ids = this.autoIds;
		if (ids == null) {
			ids = new AutoIds(getConverter().getMappingContext());
			this.autoIds = ids;
		}
		return ids;
	}

}
