package io.djongo.spring.core.query.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.result.UpdateResult;
import io.djongo.spring.core.logging.CommandFormatter;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.util.CloseableIterator;

/**
 * Compiles and runs QuerySets: the one place where QuerySets talk to the server, through Spring Data's
 * {@link MongoOperations}. Every command comes from a compiled {@link QueryPlan} as a {@link Command}, is logged at
 * DEBUG on the {@value #LOGGER_NAME} logger before it is sent, as the command log renders commands (values as
 * {@code ?} unless values are logged), and is sent by the driver call made of the same values.
 * <p>
 * A listing of whole models whose model has a {@link ModelDecoders decoder} reads its reply through it: the models
 * come decoded straight from the reply, and the documents the decoder leaves to the reader go through the reader,
 * in the same one command.
 * <p>
 * Built once by the template with immutable options; what it needs of the rest of djongo comes through small
 * functional interfaces: reading a document as a model ({@link ModelReader}), checking update values
 * ({@link UpdateValidator}) and deleting with the relations' rules ({@link Deleter}).
 */
public final class QueryEngine {

	/** The logger each QuerySet's command is logged on, a child of {@code djongo}. */
	public static final String LOGGER_NAME = "djongo.query";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private final MongoOperations operations;

	private final ModelRegistry models;

	private final ZoneId zone;

	private final CommandFormatter formatter;

	private final UpdateValidator updateValidator;

	private final Deleter deleter;

	private final ValueCoercion coercion;

	private final QueryCompiler compiler;

	private final Prefetcher prefetcher;

	private final ModelCreator creator;

	private final UniqueIndexes uniqueIndexes;

	private final Creations creations = new Creations(this);

	private final ValueReader values;

	private volatile @Nullable CodecRegistry codecs;

	private final ModelDecoders decoders;

	/** Per decoder, the registry a collection reads with it: the decoder for {@code Object}, else the collection's. */
	private final Map<Codec<Object>, CodecRegistry> decoding;

	/** The read preference of {@code QuerySet.using}, over the model's; null for the model's. */
	private final @Nullable ReadPreference readPreference;

	/**
	 * @param operations what commands are sent through
	 * @param models the models' metadata
	 * @param zone the zone date transforms compute in
	 * @param logValues whether the {@value #LOGGER_NAME} log shows values rather than each command's shape
	 * @param reader reads a document as a model, callbacks included
	 * @param decoders decode whole models straight from a reply, as the reader reads them
	 * @param updateValidator checks the values of every {@code update(...)} before it is sent
	 * @param deleter deletes matching documents with the {@code on_delete} rules of the relations
	 */
	public QueryEngine(MongoOperations operations, ModelRegistry models, ZoneId zone, boolean logValues,
			ModelReader reader, ModelDecoders decoders, UpdateValidator updateValidator, Deleter deleter) {
		this(operations, models, zone, logValues, reader, decoders, updateValidator, deleter, (model, send) -> {
			throw new InvalidDataAccessApiUsageException("Creating " + model.getClass().getSimpleName()
					+ " needs a QueryEngine built with a ModelCreator (the DjongoTemplate's)");
		});
	}

	/**
	 * As {@link #QueryEngine(MongoOperations, ModelRegistry, ZoneId, boolean, ModelReader, ModelDecoders,
	 * UpdateValidator, Deleter)}, creating models with the given creator.
	 * @param creator inserts the models of {@code create()}, {@code getOrCreate()} and {@code updateOrCreate()}
	 */
	public QueryEngine(MongoOperations operations, ModelRegistry models, ZoneId zone, boolean logValues,
			ModelReader reader, ModelDecoders decoders, UpdateValidator updateValidator, Deleter deleter,
			ModelCreator creator) {
		this.creator = creator;
		this.uniqueIndexes = new UniqueIndexes(operations.getConverter().getMappingContext());
		this.operations = operations;
		this.models = models;
		this.zone = zone;
		this.formatter = new CommandFormatter(logValues);
		this.updateValidator = updateValidator;
		this.deleter = deleter;
		this.decoders = decoders;
		this.decoding = new ConcurrentHashMap<>();
		PathResolver paths = new PathResolver(models);
		TargetResolver targets = new TargetResolver(paths);
		this.coercion = new ValueCoercion(operations.getConverter());
		ExpressionCompiler expressions = new ExpressionCompiler(targets, this.coercion, zone);
		FilterCompiler filters = new FilterCompiler(targets, this.coercion, expressions, zone);
		this.values = new ValueReader(operations.getConverter());
		RowMappers rows = new RowMappers(reader, operations.getConverter(), this.values);
		this.prefetcher = new Prefetcher(this, paths, reader);
		this.compiler = new QueryCompiler(targets, filters, expressions, rows, this.prefetcher);
		this.readPreference = null;
	}

	private QueryEngine(QueryEngine engine, ReadPreference readPreference) {
		this.creator = engine.creator;
		this.uniqueIndexes = engine.uniqueIndexes;
		this.values = engine.values;
		this.operations = engine.operations;
		this.models = engine.models;
		this.zone = engine.zone;
		this.formatter = engine.formatter;
		this.updateValidator = engine.updateValidator;
		this.deleter = engine.deleter;
		this.coercion = engine.coercion;
		this.compiler = engine.compiler;
		this.prefetcher = engine.prefetcher;
		this.decoders = engine.decoders;
		this.decoding = engine.decoding;
		this.readPreference = readPreference;
	}

	/** This engine, reading with another read preference ({@code QuerySet.using}); prefetches keep the model's. */
	QueryEngine using(ReadPreference readPreference) {
		return new QueryEngine(this, readPreference);
	}

	/** The base QuerySet of a model. */
	public <T> QuerySet<T> objects(Class<T> model) {
		return new DefaultQuerySet<>(this, this.compiler.base(model));
	}

	/**
	 * The related side of a relation of one model instance, as a QuerySet: a foreign key or many-to-many field of
	 * the instance's model (read from the ids the instance holds, never by loading it), or the related name of one
	 * pointing at it.
	 */
	@SuppressWarnings("unchecked")
	public <R> QuerySet<R> related(Object instance, String relation) {
		ModelMetadata model = this.models.metadata(instance.getClass());
		Object id = model.entity().getIdentifierAccessor(instance).getIdentifier();
		FieldDescriptor field = model.field(relation);
		Relation carried = model.throughRelations().get(relation);
		Relation reverse = (carried == null && field == null) ? this.models.reverseRelation(model.type(), relation)
				: null;
		if (carried != null) {
			return (QuerySet<R>) objects(carried.target()).filter(carried.relatedName(), requireId(model, id));
		}
		if (reverse != null) {
			return (QuerySet<R>) objects(reverse.owner()).filter(reverse.field(), requireId(model, id));
		}
		Relation forward = (field != null) ? field.relation() : null;
		if (field == null || forward == null) {
			throw new FieldError("'" + relation + "' is not a relation of " + model.name() + ". Choices are: "
					+ relationChoices(model));
		}
		QuerySet<R> related = (QuerySet<R>) objects(forward.target());
		Object value = model.entity().getPropertyAccessor(instance).getProperty(field.property());
		List<Object> ids = RelatedIds.of(value, this.models.metadata(forward.target()));
		return ids.isEmpty() ? related.none() : related.filter("pk__in", ids);
	}

	/**
	 * {@link #related(Object, String)} as a QuerySet of the given model, which must be the relation's own (or a
	 * supertype of it).
	 */
	public <R> QuerySet<R> related(Object instance, String relation, Class<R> type) {
		QuerySet<R> related = related(instance, relation);
		if (!type.isAssignableFrom(related.model())) {
			throw new InvalidDataAccessApiUsageException("'" + relation + "' of "
					+ this.models.metadata(instance.getClass()).name() + " relates to "
					+ related.model().getSimpleName() + ", not " + type.getSimpleName() + ": ask for related(instance, \""
					+ relation + "\", " + related.model().getSimpleName() + ".class)");
		}
		return related;
	}

	private static Object requireId(ModelMetadata model, @Nullable Object id) {
		if (id == null) {
			throw new InvalidDataAccessApiUsageException(model.name()
					+ " instance needs to have a primary key value before this relationship can be used.");
		}
		return id;
	}

	private String relationChoices(ModelMetadata model) {
		Set<String> names = new TreeSet<>();
		model.fields().values().stream().filter((field) -> field.relation() != null).forEach((f) -> names.add(f.name()));
		names.addAll(model.throughRelations().keySet());
		this.models.relationsTo(model.type()).forEach((r) -> names.add(r.relatedName()));
		this.models.throughRelationsTo(model.type()).forEach((r) -> names.add(r.relatedName()));
		return String.join(", ", names);
	}

	/**
	 * For one operation of a bulk write on a model: the stored filter of {@code objects(model).filter(where)} and,
	 * given values, the update {@code update(values)} sends (validated; a document of operators, or a pipeline).
	 * Where no document can match, a filter matching nothing; where the filter needs joins, the ids an aggregate
	 * finds first, as a QuerySet's update does.
	 */
	public BulkOperation bulkOperation(Class<?> model, Q where, @Nullable Map<String, ?> values) {
		QueryPlan plan = ((DefaultQuerySet<?>) objects(model).filter(where)).plan();
		QueryWrites writes = new QueryWrites(this);
		if (values == null) {
			return new BulkOperation(writes.bulkFilter(plan), null);
		}
		Command.Update update = writes.bulkUpdate(plan, values);
		return new BulkOperation(update.filter(), update.update());
	}

	/**
	 * The filter and update of one operation of a bulk write.
	 * @param update a document of update operators, a pipeline ({@code List<Bson>}), or null for a delete
	 */
	public record BulkOperation(Bson filter, @Nullable Object update) {
	}

	// ---- for the QuerySets

	QueryCompiler compiler() {
		return this.compiler;
	}

	ModelRegistry models() {
		return this.models;
	}

	ValueCoercion coercion() {
		return this.coercion;
	}

	ZoneId zone() {
		return this.zone;
	}

	UpdateValidator updateValidator() {
		return this.updateValidator;
	}

	MongoOperations operations() {
		return this.operations;
	}

	ModelCreator creator() {
		return this.creator;
	}

	Creations creations() {
		return this.creations;
	}

	UniqueIndexes uniqueIndexes() {
		return this.uniqueIndexes;
	}

	/** Runs a listing and maps each document; one find or one aggregate, and one find per prefetched relation. */
	<R> List<R> list(QueryPlan plan) {
		QueryPlan.Listing listing = plan.listing();
		Command.Read command = listing.command();
		if (command == null) {
			return List.of();
		}
		Function<Document, @Nullable Object> mapper = listing.mapper();
		List<@Nullable Object> results = new ArrayList<>();
		List<Prefetcher.Plan> prefetch = (plan.projection() instanceof Projection.Entities) ? plan.related().prefetch()
				: List.of();
		Codec<Object> decoder = (listing.wholeModels() && prefetch.isEmpty())
				? this.decoders.decoder(plan.model().type()) : null;
		if (decoder != null) {
			readModels(plan.model(), command, decoder,
					(row) -> results.add((row instanceof Document document) ? mapper.apply(document) : row));
		}
		else if (prefetch.isEmpty()) {
			read(plan.model(), command, (document) -> results.add(mapper.apply(document)));
		}
		else {
			// only models are prefetched for, and a row of a model is never null
			List<Object> models = new ArrayList<>();
			List<Document> documents = new ArrayList<>();
			read(plan.model(), command, (document) -> {
				models.add(Objects.requireNonNull(mapper.apply(document)));
				documents.add(document);
			});
			this.prefetcher.prefetch(prefetch, models, documents);
			results.addAll(models);
		}
		@SuppressWarnings("unchecked")
		List<R> typed = (List<R>) results;
		return typed;
	}

	long count(QueryPlan plan) {
		Command.Pipeline command = plan.countCommand();
		if (command == null) {
			return 0;
		}
		long[] count = new long[1];
		read(plan.model(), command, (document) -> {
			if (document.get("n") instanceof Number n) {
				count[0] = n.longValue();
			}
		});
		return count[0];
	}

	boolean exists(QueryPlan plan) {
		Command.Read command = plan.existsCommand();
		if (command == null) {
			return false;
		}
		boolean[] found = new boolean[1];
		read(plan.model(), command, (document) -> found[0] = true);
		return found[0];
	}

	Map<String, @Nullable Object> aggregate(QueryPlan plan, List<Expression> expressions) {
		QueryCompiler.Aggregated aggregated = this.compiler.aggregate(plan, expressions);
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		List<String> keys = new ArrayList<>(aggregated.types().keySet());
		for (int i = 0; i < expressions.size(); i++) {
			result.put(keys.get(i), isCount(expressions.get(i)) ? 0L : null);
		}
		Command.Pipeline command = aggregated.command();
		if (command == null) {
			return result;
		}
		read(plan.model(), command, (document) -> {
			for (int i = 0; i < expressions.size(); i++) {
				String key = keys.get(i);
				Object value = this.values.computed(document.get(key), aggregated.types().get(key));
				if (isCount(expressions.get(i)) && value instanceof Number number) {
					value = number.longValue();
				}
				result.put(key, value);
			}
		});
		return result;
	}

	private static boolean isCount(Expression expression) {
		return expression instanceof Aggregate aggregate && aggregate.function() == Aggregate.Function.COUNT;
	}

	long update(QueryPlan plan, Map<String, ?> values) {
		Command.Update command = new QueryWrites(this).update(plan, values);
		if (command == null) {
			return 0;
		}
		debug(plan.model(), command);
		UpdateResult result;
		try {
			result = this.operations.execute(command.collection(), command::run);
		}
		catch (RuntimeException ex) {
			throw ServerErrors.translate(ex, plan.model().name(), command.update() instanceof List);
		}
		return Objects.requireNonNull(result, "an update has a result").getMatchedCount();
	}

	DeleteResult delete(QueryPlan plan) {
		Command.Delete command = new QueryWrites(this).delete(plan);
		if (command == null) {
			return new DeleteResult(0, Map.of());
		}
		debug(plan.model(), command);
		return this.deleter.delete(plan.model().type(), command.filter());
	}

	/** Sends a command whose answer is documents, and hands each to the sink. */
	void read(ModelMetadata model, Command.Read command, Consumer<Document> sink) {
		debug(model, command);
		try {
			this.operations.execute(command.collection(), (MongoCollection<Document> collection) -> {
				command.read(preferred(collection)).forEach(sink);
				return null;
			});
		}
		catch (RuntimeException ex) {
			throw ServerErrors.translate(ex, model.name(), command);
		}
	}

	/**
	 * Opens a server cursor on a listing, read {@code chunkSize} documents per batch and mapped as they are read:
	 * {@code iterator(chunk_size)}. Relations to prefetch are fetched once per chunk.
	 */
	<R> CloseableIterator<R> iterate(QueryPlan plan, int chunkSize) {
		if (chunkSize <= 0) {
			throw new InvalidDataAccessApiUsageException("Chunk size must be strictly positive.");
		}
		QueryPlan.Listing listing = plan.listing();
		Command.Read command = listing.command();
		if (command == null) {
			return CursorResults.empty();
		}
		debug(plan.model(), command);
		MongoCursor<Document> cursor;
		try {
			cursor = Objects.requireNonNull(this.operations.execute(command.collection(),
					(MongoCollection<Document> collection) -> command.read(preferred(collection)).batchSize(chunkSize).cursor()),
					"a listing opens a cursor");
		}
		catch (RuntimeException ex) {
			throw ServerErrors.translate(ex, plan.model().name(), command);
		}
		List<Prefetcher.Plan> prefetch = (plan.projection() instanceof Projection.Entities) ? plan.related().prefetch()
				: List.of();
		PersistenceExceptionTranslator translator = (this.operations instanceof MongoTemplate template)
				? template.getExceptionTranslator() : (ex) -> null;
		return new CursorResults<>(cursor, listing.mapper(), chunkSize, prefetch.isEmpty() ? null
				: (models, documents) -> this.prefetcher.prefetch(prefetch, models, documents), (ex) -> {
					DataAccessException translated = translator.translateExceptionIfPossible(ex);
					return ServerErrors.translate((translated != null) ? translated : ex, plan.model().name(),
							command);
				});
	}

	/** Follows a capped collection: {@code tail()} (see {@link Tailing}). */
	<R> Stream<R> tail(QueryPlan plan, @Nullable Duration maxAwait) {
		return new Tailing(this).stream(plan, maxAwait);
	}

	/** MongoDB's {@code explain} of a listing, verbosity {@code queryPlanner}: the server's plan. */
	Document explain(QueryPlan plan) {
		Command.Read command = plan.listing().command();
		if (command == null) {
			throw new InvalidDataAccessApiUsageException(plan.model().name()
					+ ": the QuerySet is known to be empty, so nothing is sent and there is no plan to explain");
		}
		return run(plan.model(), explainCommand(command), plan.model().name() + ".explain()");
	}

	/** The {@code explain} command of a listing. */
	static Document explainCommand(Command.Read command) {
		return new Document("explain", command.document()).append("verbosity", "queryPlanner");
	}

	/** Runs a database command of a QuerySet (explain, findAndModify), logged first, and returns the reply. */
	Document run(ModelMetadata model, Document command, String what) {
		debug(model, command);
		try {
			return Objects.requireNonNull(this.operations.execute((database) -> database.runCommand(command)),
					"a command has a reply");
		}
		catch (RuntimeException ex) {
			throw ServerErrors.translate(ex, what, false);
		}
	}

	/** The collection a read goes to: with this QuerySet's {@code using(ReadPreference)}, when it has one. */
	MongoCollection<Document> preferred(MongoCollection<Document> collection) {
		ReadPreference preference = this.readPreference;
		return (preference != null) ? collection.withReadPreference(preference) : collection;
	}

	/**
	 * Sends a command whose answer is a model's whole documents, decoded by the model's decoder: each a model, or a
	 * document the reader must read.
	 */
	private void readModels(ModelMetadata model, Command.Read command, Codec<Object> decoder, Consumer<Object> sink) {
		debug(model, command);
		try {
			this.operations.execute(command.collection(), (MongoCollection<Document> collection) -> {
				CodecRegistry registry = this.decoding.computeIfAbsent(decoder, (codec) -> CodecRegistries
					.fromRegistries(CodecRegistries.fromCodecs(codec), collection.getCodecRegistry()));
				command.read(preferred(collection).withDocumentClass(Object.class).withCodecRegistry(registry))
					.forEach(sink);
				return null;
			});
		}
		catch (RuntimeException ex) {
			throw ServerErrors.translate(ex, model.name(), false);
		}
	}

	/**
	 * Logs a command about to be sent as {@code Model: {command: "collection", ...}}, rendered as the command log
	 * renders the commands it sees.
	 */
	void log(ModelMetadata model, Command command) {
		debug(model, command);
	}

	private void debug(ModelMetadata model, Command command) {
		if (logger.isDebugEnabled()) {
			debug(model, command.document());
		}
	}

	private void debug(ModelMetadata model, Document document) {
		if (logger.isDebugEnabled()) {
			BsonDocument rendered = document.toBsonDocument(BsonDocument.class, codecs());
			logger.debug(model.name() + ": " + this.formatter.command(document.keySet().iterator().next(), rendered));
		}
	}

	private CodecRegistry codecs() {
		CodecRegistry registry = this.codecs;
		if (registry == null) {
			registry = Objects.requireNonNull(this.operations.execute((database) -> database.getCodecRegistry()),
					"a database has a codec registry");
			this.codecs = registry;
		}
		return registry;
	}

}
