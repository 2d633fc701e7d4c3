package io.djongo.spring.core.schema.internal;

import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionService;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.ConvertingPropertyAccessor;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.MongoSimpleTypes;
import org.springframework.util.ClassUtils;

/**
 * What writing the models of one class takes, worked out once per class: its entity, whether its id is an
 * auto-increment one ({@code Long} or {@code Integer}), its version property, and whether Spring Data generates a
 * typed id for its documents.
 */
final class ModelPlan {

	/** The plan of what is not a model: documents, maps, JSON strings and classes the mapping context refuses. */
	static final ModelPlan NONE = new ModelPlan(null, null, null, null, null, null, null);

	private final @Nullable MongoPersistentEntity<?> entity;

	private final @Nullable MongoPersistentProperty id;

	private final @Nullable MongoPersistentProperty version;

	/** The stored type of an id Spring Data generates when the document has none ({@code @MongoId(String)}). */
	private final @Nullable Class<?> generatedId;

	/** The counter of a model stored as Django stores it, whose id is an auto-increment one; else null. */
	private final @Nullable DjangoCounter djangoCounter;

	/**
	 * The id's reader and setter made once by the encoder (a field handle: Spring Data's accessor is otherwise made
	 * anew per model); null where the accessor must read or set it.
	 */
	private final @Nullable Function<Object, @Nullable Object> idReader;

	private final @Nullable BiConsumer<Object, @Nullable Object> idWriter;

	private ModelPlan(@Nullable MongoPersistentEntity<?> entity, @Nullable MongoPersistentProperty id,
			@Nullable MongoPersistentProperty version, @Nullable Class<?> generatedId,
			@Nullable DjangoCounter djangoCounter, @Nullable Function<Object, @Nullable Object> idReader,
			@Nullable BiConsumer<Object, @Nullable Object> idWriter) {
		this.entity = entity;
		this.id = id;
		this.version = version;
		this.generatedId = generatedId;
		this.djangoCounter = djangoCounter;
		this.idReader = idReader;
		this.idWriter = idWriter;
	}

	static ModelPlan of(Class<?> type, MongoConverter converter, ModelEncoder encoder) {
		if (Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type == String.class
				|| Document.class.isAssignableFrom(type) || ClassUtils.isPrimitiveOrWrapper(type) || type.isArray()) {
			return NONE;
		}
		MongoPersistentEntity<?> entity = converter.getMappingContext().getPersistentEntity(type);
		if (entity == null) {
			return NONE;
		}
		MongoPersistentProperty id = entity.getIdProperty();
		Class<?> generatedId = null;
		if (id != null && (id.hasExplicitWriteTarget() || id.isAnnotationPresent(MongoId.class))
				&& !ClassUtils.isAssignable(ObjectId.class, id.getFieldType())) {
			generatedId = id.getFieldType();
		}
		DjangoCounter djangoCounter = (id != null && isAutoId(id)
				&& DjangoSchema.isDjango(type, converter.getMappingContext()))
						? DjangoSchema.counter(entity, converter.getMappingContext()) : null;
		return new ModelPlan(entity, id, entity.getVersionProperty(), generatedId, djangoCounter,
				(id != null) ? encoder.fieldReader(id) : null, (id != null) ? encoder.fieldWriter(id) : null);
	}

	private static boolean isAutoId(MongoPersistentProperty id) {
		return id.getType() == Long.class || id.getType() == Integer.class;
	}

	boolean isModel() {
		return this.entity != null;
	}

	/** Whether the id is an auto-increment one, assigned by djongo from its collection's counter. */
	boolean autoId() {
		MongoPersistentProperty property = this.id;
		return property != null && isAutoId(property);
	}

	/** The counters of this model's ids: djongo's own, or as the Django application sharing the collection keeps them. */
	IdSequence counters(IdSequence counters) {
		DjangoCounter counter = this.djangoCounter;
		return (counter != null) ? counters.shared(counter) : counters;
	}

	/** The stored name of the id: {@code _id}, or its column in Django storage. */
	String storedId() {
		MongoPersistentProperty property = this.id;
		return (property != null) ? property.getFieldName() : "_id";
	}

	/** The unique index of the id: MongoDB's {@code _id_}, or djongo's {@code __primary_key__}. */
	String idIndex() {
		return storedId().equals("_id") ? "_id_" : "__primary_key__";
	}

	/** The id as stored: in Django storage an integer is int32 while it fits, as Python writes it. */
	@Nullable Object storedIdValue(Object model) {
		Object value = id(model);
		return (this.djangoCounter != null && value instanceof Number number) ? IdCounters.pythonInt(number.longValue())
				: value;
	}

	Class<?> requiredIdType() {
		return requiredId().getType();
	}

	@Nullable Object id(Object model) {
		MongoPersistentProperty property = this.id;
		if (property == null) {
			return null;
		}
		Function<Object, @Nullable Object> reader = this.idReader;
		if (reader != null) {
			return reader.apply(model);
		}
		return entity().getPropertyAccessor(model).getProperty(property);
	}

	/** Sets an auto-increment id and returns the model (a new instance for immutable ones). */
	Object assignId(Object model, long value) {
		MongoPersistentProperty property = requiredId();
		Object id = (property.getType() == Integer.class) ? (Object) Math.toIntExact(value) : value;
		BiConsumer<Object, @Nullable Object> writer = this.idWriter;
		if (writer != null) {
			writer.accept(model, id);
			return model;
		}
		PersistentPropertyAccessor<Object> accessor = entity().getPropertyAccessor(model);
		accessor.setProperty(property, id);
		return accessor.getBean();
	}

	/** Spring Data's first version of an inserted model: 0, or 1 for a primitive (0 means new there). */
	Object initializeVersion(Object model, ConversionService conversions) {
		MongoPersistentProperty property = this.version;
		if (property == null) {
			return model;
		}
		ConvertingPropertyAccessor<Object> accessor = new ConvertingPropertyAccessor<>(
				entity().getPropertyAccessor(model), conversions);
		accessor.setProperty(property, property.getType().isPrimitive() ? 1 : 0);
		return accessor.getBean();
	}

	boolean isVersioned() {
		return this.version != null;
	}

	@Nullable Object version(Object model) {
		MongoPersistentProperty property = this.version;
		return (property != null) ? entity().getPropertyAccessor(model).getProperty(property) : null;
	}

	/** Sets the version back on a mutable model whose save was refused. */
	void restoreVersion(Object model, @Nullable Object version) {
		MongoPersistentProperty property = this.version;
		if (property != null) {
			entity().getPropertyAccessor(model).setProperty(property, version);
		}
	}

	/** Spring Data's check: a missing id must be of a type MongoDB or Spring Data can generate. */
	void requireGeneratableId(Object model) {
		MongoPersistentProperty property = this.id;
		if (property != null && id(model) == null && !storedId().equals("_id")) {
			// MongoDB generates only _id: a Django primary key column other than an AutoField needs its value
			throw new InvalidDataAccessApiUsageException(entity().getType().getSimpleName() + "." + property.getName()
					+ " is the primary key column '" + storedId() + "' of a model in Django storage: give it a value"
					+ " (only Integer and Long ids are numbered, from djongo's counter)");
		}
		if (property != null && id(model) == null
				&& !MongoSimpleTypes.AUTOGENERATED_ID_TYPES.contains(property.getType())) {
			throw new InvalidDataAccessApiUsageException(String.format("Cannot autogenerate id of type %s for entity of type %s",
					property.getType().getName(), entity().getType().getName()));
		}
	}

	/** Spring Data's id of a document without one whose id is stored as another type than ObjectId. */
	void prepareId(Document document, MongoConverter converter) {
		Class<?> target = this.generatedId;
		if (target != null && !document.containsKey("_id")) {
			document.put("_id", converter.convertId(new ObjectId(), target));
		}
	}

	private MongoPersistentEntity<?> entity() {
		MongoPersistentEntity<?> result = this.entity;
		if (result == null) {
			throw new IllegalStateException("Not a model");
		}
		return result;
	}

	private MongoPersistentProperty requiredId() {
		MongoPersistentProperty result = this.id;
		if (result == null) {
			throw new IllegalStateException(entity().getType().getName() + " has no id");
		}
		return result;
	}

}
