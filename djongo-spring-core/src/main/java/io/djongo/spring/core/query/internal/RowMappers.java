package io.djongo.spring.core.query.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Decides what a listing projects and how each document becomes a result: a model instance (with its annotations
 * set on same-named non-persistent fields), or a row of values.
 */
final class RowMappers {

	private final DjongoTemplate template;

	private final ValueReader values;

	private final QueryPlanner planner;

	private final Map<Class<?>, Map<String, Field>> annotationFields = new ConcurrentHashMap<>();

	RowMappers(DjongoTemplate template, ValueReader values, QueryPlanner planner) {
		this.template = template;
		this.values = values;
		this.planner = planner;
	}

	/**
	 * How to run and map one listing.
	 * @param projection the projection of a find or of the listing pipeline
	 * @param mapper from document to result
	 * @param pipeline a complete pipeline replacing the plan's (distinct values), or null
	 */
	record Rows(@Nullable Document projection, Function<Document, ? extends @Nullable Object> mapper,
			@Nullable List<Bson> pipeline) {

		List<Bson> pipelineOr(List<Bson> fallback) {
			return (this.pipeline != null) ? this.pipeline : fallback;
		}

	}

	Rows forState(QueryState state, QueryPlan plan) {
		if (state.projection() instanceof QueryState.Values values) {
			return valueRows(state, plan, values);
		}
		return entityRows(state, plan);
	}

	private Rows entityRows(QueryState state, QueryPlan plan) {
		ModelMetadata model = state.model();
		Class<?> type = model.type();
		Document projection = null;
		if (!state.only().isEmpty()) {
			projection = new Document();
			for (String field : state.only()) {
				projection.append(this.planner.storedPath(field, plan.scope(), "load only"), 1);
			}
			for (String annotation : plan.annotations().keySet()) {
				projection.append(annotation, 1);
			}
			for (String alias : plan.selected()) {
				projection.append(alias, 1);
			}
		}
		else if (!state.defer().isEmpty()) {
			projection = new Document();
			for (String field : state.defer()) {
				String stored = this.planner.storedPath(field, plan.scope(), "defer");
				if (stored.equals("_id")) {
					throw new FieldError(model.name() + ": the id cannot be deferred");
				}
				projection.append(stored, 0);
			}
		}
		boolean partial = projection != null;
		List<String> annotations = new ArrayList<>(plan.annotations().keySet());
		List<String> selected = new ArrayList<>(state.selectRelated());
		selected.sort(java.util.Comparator.comparingInt(String::length));
		Function<Document, Object> mapper = (document) -> {
			Object entity = partial ? this.template.getConverter().read(type, document)
					: this.template.toModel(document, type);
			for (String annotation : annotations) {
				setAnnotation(entity, annotation, ValueReader.plain(document.get(annotation)));
			}
			for (String relation : selected) {
				setSelected(entity, relation, document);
			}
			return entity;
		};
		return new Rows(projection, mapper, null);
	}

	/**
	 * Puts a related model fetched in the same command ({@code selectRelated}) in place of the lazy reference the
	 * converter made, walking a chain ({@code author__profile}) from models set before.
	 */
	private void setSelected(Object entity, String relation, Document document) {
		String[] parts = relation.split(ModelRegistry.SEPARATOR);
		Object holder = entity;
		for (int i = 0; i < parts.length - 1 && holder != null; i++) {
			holder = this.template.getConverter()
				.getMappingContext()
				.getRequiredPersistentEntity(holder.getClass())
				.getPropertyAccessor(holder)
				.getProperty(this.template.getConverter()
					.getMappingContext()
					.getRequiredPersistentEntity(holder.getClass())
					.getRequiredPersistentProperty(parts[i]));
		}
		if (holder == null || holder instanceof org.springframework.data.mongodb.core.convert.LazyLoadingProxy) {
			return;
		}
		var entityType = this.template.getConverter().getMappingContext().getRequiredPersistentEntity(holder.getClass());
		var property = entityType.getRequiredPersistentProperty(parts[parts.length - 1]);
		Object joined = ValueReader.extract(document, String.join(".", java.util.Arrays.stream(parts)
			.map((part) -> TargetResolver.JOIN_PREFIX + part)
			.toList()));
		Object value = (joined instanceof Document related) ? this.template.toModel(related, property.getActualType())
				: null;
		entityType.getPropertyAccessor(holder).setProperty(property, value);
	}

	private void setAnnotation(Object entity, String name, @Nullable Object value) {
		Field field = this.annotationFields.computeIfAbsent(entity.getClass(), (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(name, (key) -> annotationField(entity.getClass(), key));
		if (field == NO_FIELD) {
			return;
		}
		Object converted = value;
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(field.getType());
		if (value != null && !type.isInstance(value)) {
			converted = this.template.getConverter().getConversionService().convert(value, type);
		}
		if (converted == null && field.getType().isPrimitive()) {
			return;
		}
		ReflectionUtils.setField(field, entity, converted);
	}

	private static final Field NO_FIELD = Objects.requireNonNull(ReflectionUtils.findField(RowMappers.class, "NO_FIELD"),
			"RowMappers.NO_FIELD");

	private Field annotationField(Class<?> type, String name) {
		Field field = ReflectionUtils.findField(type, name);
		if (field == null || java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
			return NO_FIELD;
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	private Rows valueRows(QueryState state, QueryPlan plan, QueryState.Values values) {
		List<String> keys = new ArrayList<>(values.fields());
		if (keys.isEmpty()) {
			keys.addAll(state.model().fields().keySet());
			keys.addAll(plan.annotations().keySet());
		}
		if (values.shape() == QueryState.Values.Shape.FLAT && keys.size() != 1) {
			throw new FieldError(state.model().name() + ": a flat values list takes exactly one field, not " + keys);
		}
		List<Target> targets = new ArrayList<>();
		Document projection = new Document();
		boolean idRequested = false;
		for (String key : keys) {
			Target target = this.planner.target(key, plan.scope(), "select values of");
			targets.add(target);
			projection.append(target.storedPath(), 1);
			idRequested |= target.storedPath().equals("_id");
		}
		if (!idRequested) {
			projection.append("_id", 0);
		}
		Function<Document, @Nullable Object> mapper = switch (values.shape()) {
			case MAP -> (document) -> {
				Map<String, @Nullable Object> row = new LinkedHashMap<>();
				for (int i = 0; i < keys.size(); i++) {
					row.put(keys.get(i), this.values.read(document, targets.get(i)));
				}
				return row;
			};
			case LIST -> (document) -> {
				List<@Nullable Object> row = new ArrayList<>(keys.size());
				for (Target target : targets) {
					row.add(this.values.read(document, target));
				}
				return java.util.Collections.unmodifiableList(row);
			};
			case FLAT -> (document) -> flat(this.values.read(document, targets.get(0)), values.flatType());
		};
		List<Bson> pipeline = state.distinct() ? distinctPipeline(plan, targets) : null;
		return new Rows(projection, mapper, pipeline);
	}

	private @Nullable Object flat(@Nullable Object value, @Nullable Class<?> type) {
		if (value == null || type == null || type.isInstance(value)) {
			return value;
		}
		return this.template.getConverter().getConversionService().convert(value, type);
	}

	/**
	 * Distinct rows of values: group on the requested fields (and, as Django does, on the ordering fields), then
	 * sort and slice the groups.
	 */
	private static List<Bson> distinctPipeline(QueryPlan plan, List<Target> targets) {
		Document key = new Document();
		for (Target target : targets) {
			if (target.isMultiValued()) {
				throw new FieldError(target.description() + ": distinct() over values through a list is not supported");
			}
			put(key, target.storedPath());
		}
		for (String path : plan.sort().keySet()) {
			put(key, path);
		}
		List<Bson> pipeline = new ArrayList<>(plan.pipeline(false));
		pipeline.add(new Document("$group", new Document("_id", key)));
		pipeline.add(new Document("$replaceRoot", new Document("newRoot", "$_id")));
		if (!plan.sort().isEmpty()) {
			pipeline.add(new Document("$sort", plan.sort()));
		}
		if (plan.skip() > 0) {
			pipeline.add(new Document("$skip", plan.skip()));
		}
		if (plan.limit() != null) {
			pipeline.add(new Document("$limit", plan.limit()));
		}
		return pipeline;
	}

	/** Puts {@code "$a.b"} at {@code a -> b} of a nested expression object, so the group key keeps the stored shape. */
	private static void put(Document key, String path) {
		String[] parts = path.split("\\.");
		Document current = key;
		for (int i = 0; i < parts.length - 1; i++) {
			Object next = current.get(parts[i]);
			if (next instanceof String) {
				return;
			}
			if (next == null) {
				next = new Document();
				current.put(parts[i], next);
			}
			current = (Document) next;
		}
		current.putIfAbsent(parts[parts.length - 1], "$" + path);
	}

}
