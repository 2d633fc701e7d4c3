package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.query.CreateResult;
import io.djongo.spring.core.query.DoesNotExistException;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Q;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.Parameter;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.ParameterValueProvider;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ClassUtils;

/**
 * Django's {@code create()}, {@code get_or_create()} and {@code update_or_create()} on a QuerySet.
 * <p>
 * A new model is made of the values given, through Spring Data's instantiator and property accessors (a field not
 * given keeps the value the model's constructor gives it), and inserted by the {@link ModelCreator} as the template
 * inserts: related objects checked, validated, its auto-increment id assigned, callbacks run.
 * <p>
 * <b>Race-free</b>, when the QuerySet has no filters and the lookups are plain equalities on every field of a unique
 * index ({@link UniqueIndexes}): the model that would be created is prepared as an insert prepares it (validated, its
 * id assigned), then one {@code findAndModify} upserts it: the query is the lookups' fields as the document holds
 * them, {@code $setOnInsert} the rest of the document, and for {@code update_or_create} {@code $set} the defaults.
 * MongoDB (4.2+) retries such an upsert itself when a concurrent one inserted the same key; when a duplicate key
 * still reaches djongo (the embedded server does not retry, or another unique index refused the document), or the
 * model that would be created is invalid, Django's algorithm decides, which gets first (and never validates a model
 * it finds).
 * <p>
 * <b>Django's algorithm</b> otherwise: {@code get()} with the QuerySet's filters; when nothing matches, an insert of
 * the lookups without {@code __} and the defaults; when a unique index refuses it, {@code get()} again (raising the
 * duplicate key when that finds nothing). {@code update_or_create} updates what it found with one
 * {@code findAndModify} by id, validated as {@code update()} validates.
 */
final class Creations {

	private final QueryEngine engine;

	private final EntityInstantiators instantiators = new EntityInstantiators();

	Creations(QueryEngine engine) {
		this.engine = engine;
	}

	/** Django's {@code create(**values)}: the filters of the QuerySet do not apply. */
	Object create(QueryPlan plan, Map<String, ?> values) {
		ModelMetadata model = models(plan, "create");
		Map<String, @Nullable Object> resolved = resolve(values);
		List<String> unknown = new ArrayList<>();
		resolved.keySet().stream().filter((name) -> field(model, name) == null).sorted().forEach(unknown::add);
		if (!unknown.isEmpty()) {
			throw new FieldError(model.name() + "() got unexpected keyword arguments: '" + String.join("', '", unknown)
					+ "'. Choices are: " + model.choices());
		}
		return insert(model, resolved);
	}

	/**
	 * Django's {@code get_or_create()}, or {@code update_or_create()} when {@code update} is set.
	 */
	@SuppressWarnings("unchecked")
	<T> CreateResult<T> getOrCreate(DefaultQuerySet<T> qs, Map<String, ?> lookups, Map<String, ?> defaults,
			boolean update) {
		QueryPlan plan = qs.plan();
		ModelMetadata model = models(plan, update ? "update_or_create" : "get_or_create");
		if (raceFree(plan, lookups, defaults)) {
			try {
				return (CreateResult<T>) upsert(plan, lookups, defaults, update);
			}
			catch (ValidationException invalid) {
				// the model to create is invalid: Django gets first, and never validates a model it finds
			}
			catch (DuplicateKeyException duplicate) {
				// another unique index, or an automatic id taken by a document inserted by hand: Django's algorithm
				// gets again, and its insert renews automatic ids as every insert does
			}
		}
		try {
			return new CreateResult<>(found(qs, lookups, defaults, update), false);
		}
		catch (DoesNotExistException missing) {
			Map<String, @Nullable Object> params = params(model, lookups, defaults);
			try {
				return new CreateResult<>((T) insert(model, params), true);
			}
			catch (DuplicateKeyException duplicate) {
				return (CreateResult<T>) found(qs, lookups, defaults, update, duplicate);
			}
		}
	}

	/** After a duplicate key: what a get finds (updated), else the duplicate key. */
	private <T> CreateResult<T> found(DefaultQuerySet<T> qs, Map<String, ?> lookups, Map<String, ?> defaults,
			boolean update, DuplicateKeyException duplicate) {
		try {
			return new CreateResult<>(found(qs, lookups, defaults, update), false);
		}
		catch (DoesNotExistException missing) {
			throw duplicate;
		}
	}

	/** The one model the lookups match, updated with the defaults for update_or_create. */
	@SuppressWarnings("unchecked")
	private <T> T found(DefaultQuerySet<T> qs, Map<String, ?> lookups, Map<String, ?> defaults, boolean update) {
		T found = lookups.isEmpty() ? qs.get() : qs.get(Q.of(lookups));
		if (!update || defaults.isEmpty()) {
			return found;
		}
		ModelMetadata model = qs.plan().model();
		Object id = Objects.requireNonNull(model.entity().getIdentifierAccessor(found).getIdentifier(),
				"a stored model has an id");
		QueryPlan byId = this.engine.compiler().filter(this.engine.compiler().base(model.type()),
				Q.of(PathResolver.PK, id), false);
		Command.Update write = Objects.requireNonNull(new QueryWrites(this.engine).update(byId, resolve(defaults)),
				"an update by id has a command");
		Document command = new Document("findAndModify", write.collection()).append("query", write.filter())
			.append("update", write.update())
			.append("new", true);
		Object value = this.engine.run(model, command, model.name() + ".updateOrCreate()").get("value");
		if (!(value instanceof Document updated)) {
			// deleted since it was found
			throw new DoesNotExistException(model.type());
		}
		return (T) read(model, updated);
	}

	/** One findAndModify upserting the model the lookups and defaults make. */
	private CreateResult<Object> upsert(QueryPlan plan, Map<String, ?> lookups, Map<String, ?> defaults,
			boolean update) {
		ModelMetadata model = plan.model();
		Map<String, @Nullable Object> params = params(model, lookups, defaults);
		Document updates = new Document();
		if (update && !defaults.isEmpty()) {
			Command.Update write = Objects.requireNonNull(
					new QueryWrites(this.engine).update(this.engine.compiler().base(model.type()), resolve(defaults)),
					"an update of every document has a command");
			updates.putAll((Document) write.update());
		}
		Set<String> keys = new LinkedHashSet<>();
		for (String lookup : lookups.keySet()) {
			keys.add(Objects.requireNonNull(field(model, lookup), "a race-free lookup is a field").storedName());
		}
		Document[] existing = new Document[1];
		Object created = this.engine.creator().create(instantiate(model, params), (document) -> {
			if (!document.containsKey("_id")) {
				// what the driver does for an insert: the id is the client's
				document.put("_id", new ObjectId());
			}
			Document command = upsertCommand(plan.collection(), document, keys, updates);
			Document reply = this.engine.run(model, command, model.name() + ".getOrCreate()");
			Document status = reply.get("lastErrorObject", Document.class);
			boolean inserted = status == null || !Boolean.TRUE.equals(status.get("updatedExisting"));
			if (!inserted) {
				existing[0] = reply.get("value", Document.class);
			}
			return inserted;
		});
		if (created != null) {
			return new CreateResult<>(created, true);
		}
		return new CreateResult<>(read(model, Objects.requireNonNull(existing[0], "an upsert finds a document")),
				false);
	}

	/**
	 * The {@code findAndModify} of a race-free get-or-create: the query is the lookups' fields as the document to
	 * insert holds them (so an insert stores exactly that document), {@code $setOnInsert} the rest of it, less what
	 * the updates set.
	 * @param keys the stored names of the lookups' fields
	 * @param updates the update of update_or_create's defaults ({@code $set}...), empty for get_or_create
	 */
	static Document upsertCommand(String collection, Document document, Set<String> keys, Document updates) {
		Document query = new Document();
		Document onInsert = new Document();
		Set<String> updated = new HashSet<>();
		updates.values().forEach((fields) -> updated.addAll(((Document) fields).keySet()));
		document.forEach((key, value) -> {
			if (keys.contains(key)) {
				query.append(key, value);
			}
			else if (!updated.contains(key)) {
				onInsert.append(key, value);
			}
		});
		Document update = new Document(updates);
		if (!onInsert.isEmpty() || update.isEmpty()) {
			// never an empty update, which would replace the document found; the query's own values change nothing
			update.append("$setOnInsert", onInsert.isEmpty() ? new Document(query) : onInsert);
		}
		return new Document("findAndModify", collection).append("query", query)
			.append("update", update)
			.append("new", true)
			.append("upsert", true);
	}

	/**
	 * Whether one upsert can answer: the QuerySet has no filters, slice or combination; the lookups are plain
	 * equalities with values (no {@code __}, no null, no F) covering every field of a unique index; the defaults hold
	 * no F or Supplier, name only fields and do not set a lookup's field.
	 */
	private boolean raceFree(QueryPlan plan, Map<String, ?> lookups, Map<String, ?> defaults) {
		ModelMetadata model = plan.model();
		if (lookups.isEmpty() || plan.isSliced() || plan.combination() != null || plan.isEmpty()
				|| !plan.steps().wheres().isEmpty() || !plan.annotations().isEmpty()) {
			return false;
		}
		Set<String> paths = new HashSet<>();
		for (Map.Entry<String, ?> lookup : lookups.entrySet()) {
			FieldDescriptor field = field(model, lookup.getKey());
			Object value = lookup.getValue();
			if (field == null || field.kind() != FieldDescriptor.Kind.VALUE || value == null || value instanceof F
					|| value instanceof Supplier<?> || value instanceof Q || defaults.containsKey(lookup.getKey())) {
				return false;
			}
			paths.add(field.storedName());
		}
		for (Map.Entry<String, ?> value : defaults.entrySet()) {
			// a Supplier is called only to create, which an upsert cannot know before it is sent; a name that is
			// not a field fails only when a model is created, as in Django
			if (value.getValue() instanceof F || value.getValue() instanceof Supplier<?>
					|| field(model, value.getKey()) == null) {
				return false;
			}
		}
		return this.engine.uniqueIndexes().covers(model, paths);
	}

	/**
	 * Django's {@code _extract_model_params}: the lookups without {@code __}, then the defaults (suppliers called),
	 * every name a field of the model ({@code pk} the id).
	 */
	private static Map<String, @Nullable Object> params(ModelMetadata model, Map<String, ?> lookups,
			Map<String, ?> defaults) {
		Map<String, @Nullable Object> params = new LinkedHashMap<>();
		lookups.forEach((name, value) -> {
			if (!name.contains(PathResolver.SEPARATOR)) {
				params.put(name, value);
			}
		});
		params.putAll(resolve(defaults));
		List<String> invalid = params.keySet().stream().filter((name) -> field(model, name) == null).sorted().toList();
		if (!invalid.isEmpty()) {
			throw new FieldError("Invalid field name(s) for model " + model.name() + ": '" + String.join("', '", invalid)
					+ "'. Choices are: " + model.choices());
		}
		return params;
	}

	/** Django's {@code resolve_callables}: a {@code Supplier} value is called. */
	private static Map<String, @Nullable Object> resolve(Map<String, ?> values) {
		Map<String, @Nullable Object> resolved = new LinkedHashMap<>();
		values.forEach((name, value) -> resolved.put(name, (value instanceof Supplier<?> supplier) ? supplier.get()
				: value));
		return resolved;
	}

	private Object insert(ModelMetadata model, Map<String, @Nullable Object> values) {
		return Objects.requireNonNull(this.engine.creator().create(instantiate(model, values), null),
				"an insert returns the model");
	}

	/** A model instance holding the values: constructor parameters first, then properties. */
	private Object instantiate(ModelMetadata model, Map<String, @Nullable Object> values) {
		MongoPersistentEntity<?> entity = model.entity();
		Map<MongoPersistentProperty, @Nullable Object> properties = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			FieldDescriptor field = Objects.requireNonNull(field(model, name), "checked before");
			properties.put(field.property(), javaValue(model, name, field, value));
		});
		Set<MongoPersistentProperty> byConstructor = new HashSet<>();
		ParameterValueProvider<MongoPersistentProperty> provider = new ParameterValueProvider<>() {

			@Override
			@SuppressWarnings({ "unchecked", "NullAway" })
			public <V> V getParameterValue(Parameter<V, MongoPersistentProperty> parameter) {
				String name = parameter.getName();
				MongoPersistentProperty property = (name != null) ? entity.getPersistentProperty(name) : null;
				if (property == null || !properties.containsKey(property)) {
					return null;
				}
				byConstructor.add(property);
				return (V) properties.get(property);
			}

		};
		Object instance = this.instantiators.getInstantiatorFor(entity).createInstance(entity, provider);
		PersistentPropertyAccessor<Object> accessor = entity.getPropertyAccessor(instance);
		properties.forEach((property, value) -> {
			if (!byConstructor.contains(property)) {
				accessor.setProperty(property, value);
			}
		});
		return accessor.getBean();
	}

	/** A value given for a field, as the field's Java type. */
	private @Nullable Object javaValue(ModelMetadata model, String name, FieldDescriptor field,
			@Nullable Object value) {
		if (value == null) {
			if (field.isPrimitive()) {
				throw new InvalidLookupException(model.name() + "." + name + " is a primitive "
						+ field.type().getSimpleName() + " and cannot be null");
			}
			return null;
		}
		if (value instanceof F) {
			throw new InvalidLookupException(model.name() + "." + name + ": F() cannot give the value of a new model");
		}
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(field.type());
		if (type.isInstance(value)) {
			return value;
		}
		if (field.kind() != FieldDescriptor.Kind.VALUE) {
			throw new InvalidLookupException(model.name() + "." + name + " expected a " + type.getSimpleName()
					+ " but got '" + Shown.value(value) + "' (" + value.getClass().getSimpleName() + ")"
					+ ((field.relation() != null) ? ": give the related model itself" : ""));
		}
		return this.engine.coercion().toJava(value, field.type(), this.engine.zone(), () -> model.name() + "." + name);
	}

	private Object read(ModelMetadata model, Document document) {
		return Objects.requireNonNull(this.engine.compiler().base(model.type()).listing().mapper().apply(document),
				"a document is a model");
	}

	private static ModelMetadata models(QueryPlan plan, String method) {
		if (!(plan.projection() instanceof Projection.Entities)) {
			throw new InvalidDataAccessApiUsageException(plan.model().name() + ": " + method
					+ "() returns models; call it before values() or values_list()");
		}
		return plan.model();
	}

	/** A field by name, {@code pk} being the id. */
	private static @Nullable FieldDescriptor field(ModelMetadata model, String name) {
		return PathResolver.PK.equals(name) ? model.id() : model.field(name);
	}

}
