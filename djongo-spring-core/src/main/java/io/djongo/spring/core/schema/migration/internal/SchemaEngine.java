package io.djongo.spring.core.schema.migration.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.mongodb.client.MongoIterable;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.schema.CheckReport;
import io.djongo.spring.core.schema.CollectionState;
import io.djongo.spring.core.schema.DjongoSchema;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.core.schema.IndexState;
import io.djongo.spring.core.schema.MigrationReport;
import io.djongo.spring.core.schema.SchemaValidation;
import io.djongo.spring.core.schema.ValidatorState;
import io.djongo.spring.core.schema.internal.DjangoCollections;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The schema steps on {@link MongoOperations}: index declarations checked and reconciled, JSON Schemas generated and
 * applied, collections created and sharded, documents checked. Built once by the template.
 */
public final class SchemaEngine implements DjongoSchema {

	private static final Log logger = LogFactory.getLog("djongo.schema");

	private final MongoOperations operations;

	private final ModelRegistry models;

	private final MongoDatabaseFactory databases;

	private final @Nullable Supplier<ClusterDescription> cluster;

	private final IndexDeclarations declarations;

	private final IndexReconciler reconciler;

	private final JsonSchemaGenerator schemas;

	private final ValidatorApplier validators;

	private final Sharding sharding;

	private final CappedCollections capped;

	private final ServerKind server;

	private final DjangoCollections django;

	private volatile @Nullable CheckReport lastCheck;

	/**
	 * @param operations what commands are sent through
	 * @param models the models' metadata
	 * @param databases the factory of the models' database, and of {@code admin} for sharding
	 * @param cluster the driver's view of the deployment (sharding needs a sharded cluster), or null
	 */
	public SchemaEngine(MongoOperations operations, ModelRegistry models, MongoDatabaseFactory databases,
			@Nullable Supplier<ClusterDescription> cluster) {
		this.operations = operations;
		this.databases = databases;
		this.models = models;
		this.cluster = cluster;
		this.server = new ServerKind(operations);
		this.declarations = new IndexDeclarations(models);
		this.django = new DjangoCollections(databases, models);
		this.reconciler = new IndexReconciler(operations, this.server::isEmbedded);
		this.schemas = new JsonSchemaGenerator(models);
		this.validators = new ValidatorApplier(operations, this.schemas::of, this.server::isEmbedded);
		this.sharding = new Sharding(new StoredPaths(models));
		this.capped = new CappedCollections(operations, this.server::isEmbedded);
	}

	@Override
	public List<Class<?>> models() {
		return metadata().stream().<Class<?>>map(ModelMetadata::type).toList();
	}

	private List<ModelMetadata> metadata() {
		List<ModelMetadata> result = new ArrayList<>();
		for (MongoPersistentEntity<?> entity : List.copyOf(this.models.mappingContext().getPersistentEntities())) {
			if (entity.getType().isInterface() || !entity.isAnnotationPresent(
					org.springframework.data.mongodb.core.mapping.Document.class)) {
				continue;
			}
			result.add(this.models.metadata(entity.getType()));
		}
		return result;
	}

	/** Every declared index, all checked before anything is sent. */
	private List<DeclaredIndex> declaredIndexes() {
		List<DeclaredIndex> declared = new ArrayList<>();
		for (ModelMetadata model : metadata()) {
			declared.addAll(this.declarations.of(model));
		}
		return declared;
	}

	@Override
	public List<CollectionState> collections(IndexMode mode) {
		return this.capped.reconcile(metadata(), mode);
	}

	@Override
	public List<CollectionState> collectionState() {
		return this.capped.inspect(metadata());
	}

	@Override
	public List<IndexState> indexes(IndexMode mode) {
		List<DeclaredIndex> declared = declaredIndexes();
		if (mode == IndexMode.CREATE) {
			// creating an index creates its collection, after which djongo's migrate skips the collection: its
			// __schema__ entry first, as djongo's CREATE TABLE writes it (Django storage)
			this.django.createEntries();
		}
		return (mode == IndexMode.OFF) ? List.of() : this.reconciler.reconcile(declared, mode);
	}

	@Override
	public List<IndexState> indexState() {
		return this.reconciler.inspect(declaredIndexes());
	}

	@Override
	public Document jsonSchema(Class<?> model) {
		return this.schemas.of(model);
	}

	@Override
	public List<ValidatorState> validators(SchemaValidation validation, SchemaValidation.Level level) {
		return this.validators.apply(metadata(), validation, level);
	}

	@Override
	public MigrationReport migrate(SchemaValidation validation, SchemaValidation.Level level) {
		List<DeclaredIndex> declared = declaredIndexes();
		// Django storage: the __schema__ entries before the collections, as djongo's CREATE TABLE writes them
		this.django.createEntries();
		List<String> created = new ArrayList<>();
		// capped collections first: they take their options only when created
		for (CollectionState state : this.capped.reconcile(metadata(), IndexMode.CREATE)) {
			if (state.status() == CollectionState.Status.CREATED) {
				created.add(state.collection());
			}
		}
		created.addAll(createCollections(validation, level));
		List<IndexState> indexes = this.reconciler.reconcile(declared, IndexMode.CREATE);
		List<ValidatorState> validatorStates = this.validators.apply(metadata(), validation, level);
		List<String> sharded = shard();
		return new MigrationReport(created, indexes, validatorStates, sharded);
	}

	private List<String> createCollections(SchemaValidation validation, SchemaValidation.Level level) {
		Set<String> existing = new HashSet<>();
		this.operations.execute((database) -> database.listCollectionNames().into(existing));
		boolean validate = validation != SchemaValidation.OFF && !this.server.isEmbedded();
		List<String> created = new ArrayList<>();
		for (ModelMetadata model : metadata()) {
			String collection = model.collection();
			if (collection == null || existing.contains(collection) || created.contains(collection)
					|| model.capped() != null) {
				// capped collections are created (or reported) by their own step
				continue;
			}
			Document options = validate ? ValidatorApplier.validation(this.validators.validator(model.type()),
					validation, level) : null;
			this.operations.executeCommand(CollectionCreation.createCommand(model, collection, options));
			logger.info("djongo: created collection '" + collection + "' of " + model.name());
			created.add(collection);
		}
		return created;
	}

	private List<String> shard() {
		List<String> sharded = new ArrayList<>();
		Supplier<ClusterDescription> description = this.cluster;
		if (description == null || description.get().getType() != ClusterType.SHARDED) {
			for (ModelMetadata model : metadata()) {
				if (this.sharding.shardCollectionCommand(model, "") != null) {
					logger.info("djongo: " + model.name() + " is @Sharded, but the deployment is not a sharded"
							+ " cluster: not sharded");
				}
			}
			return sharded;
		}
		String database = this.databases.getMongoDatabase().getName();
		boolean enabled = false;
		for (ModelMetadata model : metadata()) {
			Document command = this.sharding.shardCollectionCommand(model, database);
			if (command == null) {
				continue;
			}
			if (!enabled) {
				runOnAdmin(Sharding.enableShardingCommand(database));
				enabled = true;
			}
			runOnAdmin(command);
			logger.info("djongo: sharded " + command.getString("shardCollection") + " by "
					+ command.get("key", Document.class).toJson());
			sharded.add(model.collection());
		}
		return sharded;
	}

	private void runOnAdmin(Document command) {
		// sharding commands run on the admin database
		this.databases.getMongoDatabase("admin").runCommand(command);
	}

	@Override
	public CheckReport check(int sampleSize) {
		List<CheckReport.ModelCheck> checks = new ArrayList<>();
		for (ModelMetadata model : metadata()) {
			String collection = java.util.Objects.requireNonNull(model.collection());
			Document schema = this.schemas.of(model.type());
			DriftChecker checker = new DriftChecker();
			this.operations.execute(collection, (target) -> {
				MongoIterable<Document> documents = (sampleSize > 0)
						? target.aggregate(List.of(new Document("$sample", new Document("size", sampleSize))))
						: target.find();
				documents.forEach((document) -> checker.check(schema, document));
				return null;
			});
			checks.add(checker.report(model.name(), collection, this.capped.difference(model)));
		}
		CheckReport report = new CheckReport(List.copyOf(checks), sampleSize, Instant.now());
		this.lastCheck = report;
		return report;
	}

	@Override
	public @Nullable CheckReport lastCheck() {
		return this.lastCheck;
	}

}
