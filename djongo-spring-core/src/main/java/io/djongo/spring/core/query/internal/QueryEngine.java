package io.djongo.spring.core.query.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.logging.CommandFormatter;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.aggregate.Aggregate;
import io.djongo.spring.core.query.lookup.LookupRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Compiles and runs QuerySets for one {@link DjongoTemplate}: the one place where QuerySets talk to the server.
 * Every evaluation is one command ({@code find}, {@code aggregate}, {@code update}, {@code delete}), logged at DEBUG
 * on the {@value #LOGGER_NAME} logger before it is sent, as the command log renders commands: values as {@code ?}
 * unless log values is on.
 */
public final class QueryEngine {

	/** The logger each QuerySet's command is logged on, a child of {@code djongo}. */
	public static final String LOGGER_NAME = "djongo.query";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private final DjongoTemplate template;

	private final ModelRegistry models;

	private final QueryPlanner planner;

	private final TargetResolver targets;

	private final FilterCompiler filters;

	private final ExpressionCompiler expressions;

	private final ValueCoercion coercion;

	private final ValueReader values;

	private final RowMappers rows;

	private final ZoneId zone;

	private final Prefetcher prefetcher;

	private final UpdateValidator updateValidator;

	private final Deleter deleter;

	private final CommandFormatter formatter;

	/**
	 * @param zone the zone of date transforms
	 * @param logValues whether the {@value #LOGGER_NAME} log shows values
	 * @param updateValidator the check of the values of every {@code QuerySet.update(...)}
	 * @param deleter the deletion of what a {@code QuerySet.delete()} matches
	 */
	public QueryEngine(DjongoTemplate template, ModelRegistry models, ZoneId zone, boolean logValues,
			UpdateValidator updateValidator, Deleter deleter) {
		LookupRegistry lookups = LookupRegistry.standard();
		this.template = template;
		this.models = models;
		this.zone = zone;
		this.updateValidator = updateValidator;
		this.deleter = deleter;
		this.formatter = new CommandFormatter(logValues);
		this.targets = new TargetResolver(models, lookups);
		this.coercion = new ValueCoercion(template.getConverter());
		this.expressions = new ExpressionCompiler(this.targets);
		this.filters = new FilterCompiler(this.targets, lookups, this.coercion, this.expressions, zone);
		this.planner = new QueryPlanner(this.filters, this.expressions, this.targets);
		this.values = new ValueReader(template.getConverter());
		this.rows = new RowMappers(template, this.values, this.planner);
		this.prefetcher = new Prefetcher(this);
	}

	Prefetcher prefetcher() {
		return this.prefetcher;
	}

	/** The base QuerySet of a model. */
	public <T> QuerySet<T> objects(Class<T> model) {
		return new DefaultQuerySet<>(this, QueryState.of(this.models.metadata(model)));
	}

	/** The related side of a relation of one model instance, as a QuerySet; see {@code DjongoTemplate.related}. */
	@SuppressWarnings("unchecked")
	public <R> QuerySet<R> related(Object instance, String relation) {
		ModelMetadata model = this.models.metadata(instance.getClass());
		Object id = model.entity().getIdentifierAccessor(instance).getIdentifier();
		Relation carried = model.throughRelations().get(relation);
		Relation reverse = (carried == null && model.field(relation) == null)
				? this.models.reverseRelation(model.type(), relation) : null;
		if (carried != null) {
			return (QuerySet<R>) objects(carried.target()).filter(carried.relatedName(), requireId(model, id));
		}
		if (reverse != null) {
			return (QuerySet<R>) objects(reverse.owner()).filter(reverse.field(), requireId(model, id));
		}
		FieldDescriptor field = model.field(relation);
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

	private static Object requireId(ModelMetadata model, @Nullable Object id) {
		if (id == null) {
			throw new InvalidDataAccessApiUsageException(model.name()
					+ " instance needs to have a primary key value before this relationship can be used.");
		}
		return id;
	}

	private String relationChoices(ModelMetadata model) {
		java.util.Set<String> names = new java.util.TreeSet<>();
		model.fields().values().stream().filter((field) -> field.relation() != null).forEach((f) -> names.add(f.name()));
		names.addAll(model.throughRelations().keySet());
		this.models.relationsTo(model.type()).forEach((r) -> names.add(r.relatedName()));
		this.models.throughRelationsTo(model.type()).forEach((r) -> names.add(r.relatedName()));
		return String.join(", ", names);
	}

	/** The registry of models this engine resolves lookups against. */
	public ModelRegistry models() {
		return this.models;
	}

	/** The zone date transforms compute in. */
	public ZoneId zone() {
		return this.zone;
	}

	/** The check run on the values of every {@code QuerySet.update(...)}. */
	UpdateValidator updateValidator() {
		return this.updateValidator;
	}

	/** The deletion of what a {@code QuerySet.delete()} matches. */
	Deleter deleter() {
		return this.deleter;
	}

	DjongoTemplate template() {
		return this.template;
	}

	ValueCoercion coercion() {
		return this.coercion;
	}

	ExpressionCompiler expressions() {
		return this.expressions;
	}

	TargetResolver targets() {
		return this.targets;
	}

	QueryPlan plan(QueryState state) {
		return this.planner.plan(state);
	}

	QueryPlanner planner() {
		return this.planner;
	}

	String collection(QueryState state) {
		String collection = state.model().collection();
		if (collection == null) {
			throw new IllegalArgumentException(state.model().name()
					+ " is a container (no @Document), it has no collection to query");
		}
		return collection;
	}

	/** Runs a listing and maps each document; one find or one aggregate. */
	<R> List<R> fetch(QueryState state, QueryPlan plan) {
		if (plan.empty()) {
			return List.of();
		}
		RowMappers.Rows rows = this.rows.forState(state, plan);
		Function<Document, ? extends @Nullable Object> mapper = rows.mapper();
		QueryPlan projected = plan.withProjection(rows.projection());
		List<@Nullable Object> result = new ArrayList<>();
		boolean prefetch = !state.prefetchRelated().isEmpty() && state.projection() instanceof QueryState.Entities;
		List<Document> documents = prefetch ? new ArrayList<>() : List.of();
		Consumer<Document> sink = (document) -> {
			result.add(mapper.apply(document));
			if (prefetch) {
				documents.add(document);
			}
		};
		if (rows.pipeline() != null) {
			aggregate(state, rows.pipeline(), sink);
		}
		else if (projected.isFind()) {
			find(state, projected, sink);
		}
		else {
			aggregate(state, projected.listingPipeline(), sink);
		}
		if (prefetch) {
			// only rows of entities are prefetched, and an entity row is never null
			@SuppressWarnings("NullAway")
			List<Object> entities = result;
			this.prefetcher.prefetch(state.model(), state.prefetchRelated(), entities, documents);
		}
		@SuppressWarnings("unchecked")
		List<R> typed = (List<R>) result;
		return typed;
	}

	/** The listing command of a plan, as sent; null when nothing would be sent. */
	@Nullable Document command(QueryState state, QueryPlan plan) {
		if (plan.empty()) {
			return null;
		}
		RowMappers.Rows rows = this.rows.forState(state, plan);
		QueryPlan projected = plan.withProjection(rows.projection());
		if (rows.pipeline() == null && projected.isFind()) {
			Document find = new Document("find", collection(state)).append("filter", projected.filter().toBson());
			find.putAll(findOptions(projected));
			return find;
		}
		return new Document("aggregate", collection(state)).append("pipeline",
				rows.pipelineOr(projected.listingPipeline()));
	}

	long count(QueryState state, QueryPlan plan) {
		if (plan.empty()) {
			return 0;
		}
		if (plan.isFind() && !(state.distinct() && state.projection() instanceof QueryState.Values)) {
			CountOptions options = new CountOptions().skip((int) plan.skip());
			if (plan.limit() != null) {
				options.limit(Math.toIntExact(plan.limit()));
			}
			Bson filter = plan.filter().toBson();
			Document command = new Document("filter", filter);
			if (plan.skip() > 0) {
				command.append("skip", plan.skip());
			}
			if (plan.limit() != null) {
				command.append("limit", plan.limit());
			}
			debug(state, "count", command);
			return execute(state, (collection) -> collection.countDocuments(filter, options));
		}
		List<Bson> pipeline = new ArrayList<>(this.rows.forState(state, plan).pipelineOr(plan.pipeline(false)));
		pipeline.add(new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))));
		long[] count = new long[1];
		aggregate(state, pipeline, (document) -> {
			if (document.get("n") instanceof Number n) {
				count[0] = n.longValue();
			}
		});
		return count[0];
	}

	boolean exists(QueryState state, QueryPlan plan) {
		if (plan.empty()) {
			return false;
		}
		QueryPlan first = plan.withLimit(plan.skip(), 1L).withProjection(new Document("_id", 1));
		boolean[] found = new boolean[1];
		if (first.isFind()) {
			find(state, first, (document) -> found[0] = true);
		}
		else {
			aggregate(state, first.listingPipeline(), (document) -> found[0] = true);
		}
		return found[0];
	}

	Map<String, @Nullable Object> aggregate(QueryState state, QueryPlan plan, List<Aggregate> aggregates) {
		Uses uses = new Uses();
		ExpressionCompiler.GroupStage group = this.planner.group(aggregates, plan.scope(), uses);
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		for (Aggregate aggregate : aggregates) {
			result.put(aggregate.key(), aggregate.function().equals("count") ? 0L : null);
		}
		if (plan.empty()) {
			return result;
		}
		List<Bson> pipeline = new ArrayList<>(plan.pipeline(plan.skip() > 0 || plan.limit() != null));
		for (Join join : uses.joins()) {
			if (!plan.joins().contains(join)) {
				pipeline.addAll(join.stages());
			}
		}
		pipeline.add(new Document("$group", group.group()));
		pipeline.add(new Document("$project", group.project()));
		aggregate(state, pipeline, (document) -> {
			for (Aggregate aggregate : aggregates) {
				Object value = ValueReader.plain(document.get(aggregate.key()));
				if (aggregate.function().equals("count") && value instanceof Number number) {
					value = number.longValue();
				}
				result.put(aggregate.key(), value);
			}
		});
		return result;
	}

	/** What a find sends besides its filter: sort, skip, limit and projection, when set. */
	private static Document findOptions(QueryPlan plan) {
		Document options = new Document();
		if (!plan.sort().isEmpty()) {
			options.append("sort", plan.sort());
		}
		if (plan.skip() > 0) {
			options.append("skip", plan.skip());
		}
		if (plan.limit() != null) {
			options.append("limit", plan.limit());
		}
		if (plan.projection() != null) {
			options.append("projection", plan.projection());
		}
		return options;
	}

	void find(QueryState state, QueryPlan plan, Consumer<Document> sink) {
		Bson filter = plan.filter().toBson();
		Document command = new Document("filter", filter);
		command.putAll(findOptions(plan));
		debug(state, "find", command);
		run(state, (collection) -> {
			FindIterable<Document> find = collection.find(filter);
			if (!plan.sort().isEmpty()) {
				find.sort(plan.sort());
			}
			if (plan.skip() > 0) {
				find.skip(Math.toIntExact(plan.skip()));
			}
			if (plan.limit() != null) {
				find.limit(Math.toIntExact(plan.limit()));
			}
			if (plan.projection() != null) {
				find.projection(plan.projection());
			}
			find.forEach(sink);
		});
	}

	void aggregate(QueryState state, List<Bson> pipeline, Consumer<Document> sink) {
		debug(state, "aggregate", new Document("pipeline", pipeline));
		run(state, (collection) -> collection.aggregate(pipeline).forEach(sink));
	}

	/** Runs an action that yields a value (a count, a write result) on the state's collection. */
	<T> T execute(QueryState state, Function<MongoCollection<Document>, T> action) {
		T result = this.template.execute(collection(state), action::apply);
		return Objects.requireNonNull(result, "the collection action returned no result");
	}

	/** Runs an action that streams its results to a sink on the state's collection. */
	void run(QueryState state, Consumer<MongoCollection<Document>> action) {
		this.template.execute(collection(state), (collection) -> {
			action.accept(collection);
			return null;
		});
	}

	/**
	 * Logs a command about to be sent as {@code Model: {command: "collection", ...}}, rendered as the command log
	 * renders the commands it sees.
	 */
	void debug(QueryState state, String command, Bson body) {
		if (logger.isDebugEnabled()) {
			BsonDocument document = new BsonDocument(command, new BsonString(collection(state)));
			document.putAll(body.toBsonDocument(BsonDocument.class, this.template.getDb().getCodecRegistry()));
			logger.debug(state.model().name() + ": " + this.formatter.command(command, document));
		}
	}

}
