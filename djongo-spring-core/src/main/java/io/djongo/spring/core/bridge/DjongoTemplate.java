package io.djongo.spring.core.bridge;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.bulk.BulkWrite;
import io.djongo.spring.core.bulk.internal.BulkSupport;
import io.djongo.spring.core.bulk.internal.BulkUpdates;
import io.djongo.spring.core.bulk.internal.DefaultBulkWrite;
import io.djongo.spring.core.gridfs.FileFieldCallbacks;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.model.internal.ModelReads;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.internal.QueryEngine;
import io.djongo.spring.core.relation.InvalidRelationException;
import io.djongo.spring.core.relation.RelatedManager;
import io.djongo.spring.core.relation.internal.Deletions;
import io.djongo.spring.core.relation.internal.RelationSetup;
import io.djongo.spring.core.relation.internal.UnsavedRelations;
import io.djongo.spring.core.schema.BulkCreateException;
import io.djongo.spring.core.schema.DjongoSchema;
import io.djongo.spring.core.schema.ModelValidator;
import io.djongo.spring.core.schema.internal.ModelWriter;
import io.djongo.spring.core.schema.migration.internal.SchemaEngine;
import io.djongo.spring.core.transaction.DjongoTransactionManager;
import io.djongo.spring.core.transaction.internal.AtomicBlocks;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoAction;
import org.springframework.data.mongodb.core.MongoActionOperation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoWriter;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.mapping.event.MongoMappingEvent;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.util.ClassUtils;

/**
 * The application's {@link MongoTemplate}, extended with djongo's entry points: {@link #objects(Class) QuerySets},
 * {@link #bulkCreate(Collection) bulk creates}, validation, {@code on_delete} deletions and the mongo bridge
 * ({@link #mongo(Class)}, {@link #command(Bson)}, {@link #toModel(Document, Class)}).
 * <p>
 * It is where djongo is put together: its constructor builds the query engine, the model writer, the deletions and
 * the readers from {@link DjongoOptions}, which do not change afterwards. Inserts of models go through the model
 * writer, batch by batch; Spring Data's other write paths get the same rules (related objects saved, validation,
 * auto-increment ids, pending files) through the template's entity callbacks. The application's events and
 * callbacks fire as Spring Data fires them.
 * <p>
 * The {@code mongo*} calls hand out the driver's raw {@link MongoCollection}: what is written through it bypasses
 * validation and id assignment, as djongo's {@code DjongoManager} does.
 */
public class DjongoTemplate extends MongoTemplate {

	private final DjongoOptions options;

	private final ModelRegistry models;

	private final ModelReads reads;

	private final QueryEngine queries;

	private final Deletions deletions;

	private final TemplateRules rules;

	private final FileFieldCallbacks files;

	private final ModelWriter writer;

	private final TemplateCodecs codecs;

	private final QueryMapper queryMapper;

	private final DjangoStorage django;

	private final DjongoTransactionManager transactionManager;

	private final AtomicBlocks atomic;

	private final BulkSupport bulk;

	private final SchemaEngine schema;

	private final ModelConcerns concerns;

	/** The application's entity callbacks, which the writer calls itself; djongo's rules wrap them for the rest. */
	private EntityCallbacks applicationCallbacks = EntityCallbacks.create();

	private boolean callbacksGiven;

	public DjongoTemplate(MongoDatabaseFactory databaseFactory, MongoConverter converter) {
		this(databaseFactory, converter, DjongoOptions.defaults());
	}

	public DjongoTemplate(MongoDatabaseFactory databaseFactory, MongoConverter converter, DjongoOptions options) {
		super(DjongoExceptionTranslator.installedIn(databaseFactory), converter);
		this.options = options;
		super.setWriteConcern(options.writeConcern());
		this.models = new ModelRegistry(converter.getMappingContext());
		this.concerns = new ModelConcerns(this.models);
		this.reads = new ModelReads(converter);
		this.queryMapper = new QueryMapper(converter);
		this.transactionManager = new DjongoTransactionManager(databaseFactory, options.transactions(),
				options.clusterDescription());
		this.atomic = new AtomicBlocks(this.transactionManager);
		this.deletions = new Deletions(this, this.models, this::toModel, this.atomic::run);
		// models in Django storage are read and written through documents, which djongo shapes and completes
		this.codecs = new TemplateCodecs(converter, databaseFactory, this::djangoShapes, this::djangoShape);
		this.queries = new QueryEngine(this, this.models, options.timeZone(), options.logValues(), this::toModel,
				this.codecs::decoder, this::validateValues, this.deletions::delete, this::create);
		this.files = new FileFieldCallbacks(databaseFactory, converter.getMappingContext());
		this.django = new DjangoStorage(databaseFactory, this.models, this.queries);
		this.rules = new TemplateRules(new UnsavedRelations(converter.getMappingContext()), this.files,
				options.validator(), this.django::check);
		TemplateWrites springData = new TemplateWrites(this, this.codecs, options.writeConcern());
		this.writer = new ModelWriter(converter, databaseFactory, springData, this.rules, this.codecs, springData,
				BulkCreateException::new);
		useCallbacks(this.applicationCallbacks);
		this.bulk = new TemplateBulkSupport(this, this.models, this.writer, this.queries, this.deletions,
				options.writeConcern());
		this.schema = new SchemaEngine(this, this.models, databaseFactory, options.clusterDescription());
	}

	// --- QuerySets ---

	/** The base QuerySet of a model: every document of its collection, lazily. */
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

	/** {@link #related(Object, String)} typed: fails naming the relation's model when it is not {@code model}. */
	public <R> QuerySet<R> related(Object instance, String relation, Class<R> model) {
		return this.queries.related(instance, relation, model);
	}

	/**
	 * Django's {@code post.tags.add(tag)}: {@code manyToMany(post, "tags").add(tag)}, for a many-to-many in a through
	 * collection Django creates (Django storage); the reverse side by its related name.
	 */
	public <R> RelatedManager<R> manyToMany(Object instance, String relation) {
		return this.django.manyToMany(this, instance, relation);
	}

	// --- transactions (see io.djongo.spring.core.transaction) ---

	/**
	 * Django's {@code transaction.atomic}: one transaction, committed on return, rolled back on an exception; a nested
	 * block joins the outer one; transient errors rerun it (docs/transactions-and-bulk.md).
	 */
	public void atomic(Runnable block) {
		this.atomic.run(() -> {
			block.run();
			return null;
		});
	}

	/** {@link #atomic(Runnable)}, returning what the block returns. */
	public <T extends @Nullable Object> T atomic(Supplier<T> block) {
		return this.atomic.run(block);
	}

	/** The transaction manager of the atomic blocks; Spring Boot makes it the application's one. */
	public DjongoTransactionManager getTransactionManager() {
		return this.transactionManager;
	}

	// --- the mongo bridge ---

	/** The raw collection behind a model, unvalidated; asked for inside an atomic block, bound to its session. */
	@BypassesValidation
	public MongoCollection<Document> mongo(Class<?> model) {
		return getCollection(getCollectionName(model));
	}

	/** A raw collection by name. Writes through it are not validated. */
	@BypassesValidation
	public MongoCollection<Document> mongo(String collection) {
		return getCollection(collection);
	}

	/** Runs a database command against the djongo database and returns the server's reply. */
	@BypassesValidation
	public Document command(Bson command) {
		return Objects.requireNonNull(execute((db) -> db.runCommand(command)), "runCommand returned no reply");
	}

	/**
	 * Maps a raw document to a model instance through the same converter and after-convert callbacks (enforce-schema
	 * among them) that QuerySets and repositories use.
	 */
	public <T> T toModel(Document document, Class<T> model) {
		return maybeCallAfterConvert(this.reads.read(document, model), document, this.reads.collection(model));
	}

	// --- validation (see io.djongo.spring.core.schema) ---

	/** Django's {@code full_clean()}: validates a model as a write would, without writing. */
	public void validate(Object model) {
		getModelValidator().validate(model);
	}

	/**
	 * Checks models to be written together as a bulk create does: every constraint of every model, then their related
	 * objects, which must be saved.
	 * @throws ValidationException naming every field that failed by the model's position ({@code [3].headline})
	 * @throws InvalidDataAccessApiUsageException naming a relation whose object has no id
	 */
	public void validateAll(Collection<?> models) {
		List<?> batch = List.copyOf(models);
		this.rules.validateAll(batch);
		this.rules.checkRelated(batch);
	}

	/** Validates values about to be written to fields of a model: {@link ModelValidator#validateValues}. */
	public void validateValues(Class<?> model, Map<String, ?> values) {
		getModelValidator().validateValues(model, values);
	}

	/**
	 * The validator of this template: the one of its options, else the application's {@link ModelValidator} bean,
	 * else one with the default Bean Validation provider.
	 */
	public ModelValidator getModelValidator() {
		return this.rules.validator();
	}

	// --- writes (see io.djongo.spring.core.schema.internal.ModelWriter) ---

	/**
	 * Django's {@code bulk_create}: inserts new models with one insert command (per 100,000 models or 48 MB, as the
	 * driver splits it), after validating all of them and reserving their ids with one counter update. Ordered: the
	 * server stops at the first model it refuses.
	 * @return the models as written, with their ids
	 * @throws ValidationException when a model is invalid: nothing is written
	 * @throws BulkCreateException when the server refuses models (a unique index): which ones, which were written and
	 * which were not attempted
	 */
	public <T> List<T> bulkCreate(Collection<? extends T> models) {
		return bulkCreate(models, true);
	}

	/**
	 * Django's {@code bulk_create}, as {@link #bulkCreate(Collection)}, ordered or not: an unordered insert writes
	 * every model the server does not refuse.
	 * @param ordered whether the server stops at the first model it refuses
	 */
	public <T> List<T> bulkCreate(Collection<? extends T> models, boolean ordered) {
		if (models.isEmpty()) {
			return List.of();
		}
		String collection = getCollectionName(models.iterator().next().getClass());
		return List.copyOf(this.writer.insert(collection, models,
				ordered ? ModelWriter.Mode.ORDERED : ModelWriter.Mode.UNORDERED));
	}

	/** Mixed writes to one model, checked whole, then sent in one {@code bulkWrite}: see {@link BulkWrite}. */
	public <T> BulkWrite<T> bulk(Class<T> model) {
		return new DefaultBulkWrite<>(model, this.bulk);
	}

	/** Django's {@code bulk_update}: the named fields of saved models of one class, in one {@code bulkWrite}. */
	public long bulkUpdate(Collection<?> models, String... fields) {
		return new BulkUpdates(this.bulk).update(models, fields);
	}

	@Override
	protected <T> T doInsert(String collectionName, T objectToSave, MongoWriter<T> writer) {
		if (writer != getConverter() || !this.writer.writes(objectToSave)) {
			return super.doInsert(collectionName, objectToSave, writer);
		}
		return this.writer.insert(collectionName, List.of(objectToSave), ModelWriter.Mode.ONE).get(0);
	}

	@Override
	protected <T> Collection<T> doInsertBatch(String collectionName, Collection<? extends T> batchToSave,
			MongoWriter<T> writer) {
		if (writer != getConverter() || !batchToSave.stream().allMatch(this.writer::writes)) {
			return super.doInsertBatch(collectionName, batchToSave, writer);
		}
		return this.writer.insert(collectionName, batchToSave, ModelWriter.Mode.ORDERED);
	}

	/**
	 * Spring Data's save; a new model with an auto-increment id is inserted instead, and files its save replaced in
	 * {@code deleteOnReplace} fields are deleted once it succeeded.
	 */
	@Override
	public <T> T save(T objectToSave, String collectionName) {
		if (this.writer.isNew(objectToSave)) {
			// a new model: an upsert by a counter id could overwrite a document inserted by hand
			return insert(objectToSave, collectionName);
		}
		Consumer<Object> replaced = this.files.replacing(objectToSave, collectionName);
		T saved = this.writer.saveVersioned(objectToSave, () -> super.save(objectToSave, collectionName));
		replaced.accept(saved);
		return saved;
	}

	/**
	 * Refused: the write concern is an option ({@link DjongoOptions#withWriteConcern(WriteConcern)}), so that every
	 * write, bulk creates included, uses the same one.
	 */
	@Override
	public void setWriteConcern(@Nullable WriteConcern writeConcern) {
		throw new UnsupportedOperationException("A DjongoTemplate's write concern is set when it is built, for every"
				+ " write: new DjongoTemplate(factory, converter, DjongoOptions.defaults().withWriteConcern(...))");
	}

	/** A QuerySet's new model: inserted, or its document sent by an upsert of the QuerySet's own. */
	private @Nullable Object create(Object model, @Nullable Predicate<Document> send) {
		return (send != null) ? this.writer.insert(getCollectionName(model.getClass()), model, send) : insert(model);
	}

	/** The collection with its model's {@code @Model} read concern, read preference and write concern. */
	@Override
	protected MongoCollection<Document> prepareCollection(MongoCollection<Document> collection) {
		return this.concerns.apply(super.prepareCollection(collection));
	}

	/** A model's {@code @Model(writeConcern)} wins over the template's and the resolver's. */
	@Override
	protected @Nullable WriteConcern prepareWriteConcern(MongoAction mongoAction) {
		WriteConcern model = this.concerns.writeConcern(mongoAction.getCollectionName());
		return (model != null) ? model : super.prepareWriteConcern(mongoAction);
	}

	// the Django storage is built after the codecs, which the engine it needs reads with
	private boolean djangoShapes(Class<?> type) {
		return this.django.shapes(type);
	}

	private void djangoShape(Object model, Document document) {
		this.django.shape(model, document);
	}

	/** A model converted as a write stores it (in Django storage, in djongo's shape). */
	Document encode(Object model) {
		return this.codecs.encode(model);
	}

	/** Spring Data's save of a document; one of a model in Django storage sets its columns, as Django's save does. */
	@Override
	protected Object saveDocument(String collectionName, Document dbDoc, Class<?> entityClass) {
		String idField = this.django.idField(entityClass);
		if (idField == null || dbDoc.get(idField) == null) {
			return super.saveDocument(collectionName, dbDoc, entityClass);
		}
		WriteConcern concern = prepareWriteConcern(new MongoAction(this.options.writeConcern(),
				MongoActionOperation.SAVE, collectionName, entityClass, dbDoc, null));
		return Objects.requireNonNull(execute(collectionName, (target) -> DjangoStorage.update(target, concern,
				idField, dbDoc)));
	}

	// --- deletions: on_delete rules (see io.djongo.spring.core.relation) ---

	/**
	 * Deletes the models with these ids, applying the {@code on_delete} rules of the relations pointing at the model
	 * (cascades, protection, restriction, set null or default); one delete when none does.
	 * @return the number deleted per model
	 */
	public DeleteResult deleteByIds(Class<?> model, Iterable<?> ids) {
		return this.deletions.deleteByIds(model, ids);
	}

	/** Deletes every model of a class, applying the {@code on_delete} rules of the relations pointing at it. */
	public DeleteResult deleteAll(Class<?> model) {
		return this.deletions.deleteAll(model);
	}

	/**
	 * Removes a model instance as {@link MongoTemplate} does, applying the {@code on_delete} rules of the relations
	 * pointing at it when there are any; the count is of the instance itself.
	 */
	@Override
	public com.mongodb.client.result.DeleteResult remove(Object object, String collectionName) {
		Class<?> model = ClassUtils.getUserClass(object);
		if (!this.deletions.hasDependents(model) || !collectionName.equals(getCollectionName(model))) {
			return super.remove(object, collectionName);
		}
		return com.mongodb.client.result.DeleteResult.acknowledged(this.deletions.deleteInstance(object).count(model));
	}

	/** Spring Data's delete; the files of {@code deleteWithModel} fields of the documents gone are deleted after it. */
	@Override
	protected <T> com.mongodb.client.result.DeleteResult doRemove(String collectionName, Query query,
			@Nullable Class<T> entityClass, boolean multi) {
		Runnable deleteFiles = this.files.removing(collectionName, entityClass,
				() -> this.queryMapper.getMappedObject(query.getQueryObject(), (entityClass != null)
						? getConverter().getMappingContext().getPersistentEntity(entityClass) : null));
		com.mongodb.client.result.DeleteResult result = super.doRemove(collectionName, query, entityClass, multi);
		deleteFiles.run();
		return result;
	}

	/**
	 * Checks the {@code on_delete} rule of every relation of the models the mapping context knows (Spring Boot calls
	 * it at start-up); the index step ({@link #schema()}) creates each {@code @OneToOne} field's unique index.
	 * @return the one-to-one relations
	 * @throws InvalidRelationException for the first relation whose rule cannot be honoured
	 */
	public List<Relation> prepareRelations() {
		return new RelationSetup(this.models, getConverter()).prepare();
	}

	// --- the schema: indexes, JSON Schema validators, migrate and check (see io.djongo.spring.core.schema) ---

	/** The schema steps of the models the mapping context knows: indexes, validators, migrate, check. */
	public DjongoSchema schema() {
		return this.schema;
	}

	/** The {@code $jsonSchema} djongo generates for a model: {@link DjongoSchema#jsonSchema(Class)}. */
	public Document jsonSchema(Class<?> model) {
		return this.schema.jsonSchema(model);
	}

	// --- Spring wiring ---

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
		this.rules.validators(applicationContext.getBeanProvider(ModelValidator.class));
		this.files.setBeanFactory(applicationContext);
		this.codecs.context(applicationContext);
		if (!this.callbacksGiven) {
			useCallbacks(EntityCallbacks.create(applicationContext));
		}
		super.setApplicationContext(applicationContext);
	}

	@Override
	public void setEntityCallbacks(EntityCallbacks entityCallbacks) {
		this.callbacksGiven = true;
		this.codecs.callbacksUnknown();
		useCallbacks(entityCallbacks);
	}

	@Override
	public void setEntityLifecycleEventsEnabled(boolean enabled) {
		super.setEntityLifecycleEventsEnabled(enabled);
		this.codecs.eventsEnabled(enabled);
	}

	private void useCallbacks(EntityCallbacks entityCallbacks) {
		this.applicationCallbacks = entityCallbacks;
		super.setEntityCallbacks(new DjongoEntityCallbacks(entityCallbacks, this.writer::prepare, this.django::shape,
				this.django::attach, this.codecs::callbacksUnknown));
	}

	// --- Spring Data's protected steps, for the writer's Spring Data side (TemplateWrites) ---

	<E extends MongoMappingEvent<T>, T> E emit(E event) {
		return maybeEmitEvent(event);
	}

	EntityCallbacks applicationCallbacks() {
		return this.applicationCallbacks;
	}

	<T> T populateId(T model, Object id) {
		return populateIdIfNecessary(model, id);
	}

	Object insertOne(String collection, Document document, Class<?> model) {
		return insertDocument(collection, document, model);
	}

	void insertAll(String collection, List<Document> documents) {
		insertDocumentList(collection, documents);
	}

}
