package io.djongo.spring.core.bridge;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.model.internal.DirectModelReader;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.internal.QueryEngine;
import io.djongo.spring.core.relation.internal.Deletions;
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
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MappedDocument;
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

	public DjongoTemplate(MongoDatabaseFactory databaseFactory, MongoConverter converter) {
		super(databaseFactory, converter);
		this.models = new ModelRegistry(converter.getMappingContext());
		this.queries = new QueryEngine(this, this.models, ZoneOffset.UTC);
		this.queries.setUpdateValidator(this::validateValues);
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
	 * The engine that compiles and runs this template's QuerySets.
	 */
	public QueryEngine getQueryEngine() {
		return this.queries;
	}

	/**
	 * Sets the time zone of date transforms ({@code __year}, {@code __date}, {@code __hour}, ...); UTC by default.
	 * Other zones use MongoDB operators that the embedded server does not have.
	 */
	public void setTimeZone(ZoneId zone) {
		QueryEngine engine = new QueryEngine(this, this.models, zone);
		engine.setUpdateValidator(this.queries.updateValidator());
		engine.setLogValues(this.queries.logValues());
		this.queries = engine;
	}

	/**
	 * Whether the QuerySet log ({@code djongo.query} at DEBUG) shows values; by default it shows each command's
	 * shape, values as {@code ?}, as the command log does.
	 */
	public void setLogValues(boolean logValues) {
		this.queries.setLogValues(logValues);
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
		return execute(db -> db.runCommand(command));
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
		return WriteBatch.run(collectionName, List.of(objectToSave), () -> super.save(objectToSave, collectionName));
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

	@Override
	protected List<Object> insertDocumentList(String collectionName, List<Document> documents) {
		WriteBatch batch = WriteBatch.current();
		if (batch == null) {
			return super.insertDocumentList(collectionName, documents);
		}
		batch.throwIfInvalid();
		try {
			return super.insertDocumentList(collectionName, documents);
		}
		catch (DuplicateKeyException ex) {
			// an ordered insert stopped at the refused document: those before it are written
			int refused = IdCounters.duplicateIdIndex(ex);
			List<Document> unwritten = (refused >= 0) ? documents.subList(refused, documents.size()) : List.of();
			if (!batch.reassignIds(unwritten)) {
				throw ex;
			}
			super.insertDocumentList(collectionName, unwritten);
			return MappedDocument.toIds(documents);
		}
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
