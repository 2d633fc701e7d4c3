package io.djongo.spring.core.schema.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Collection;
import java.util.Map;

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
import org.springframework.util.ReflectionUtils;

/**
 * What writing the models of one class takes, worked out once per class: its entity, whether its id is an
 * auto-increment one ({@code Long} or {@code Integer}), its version property, and whether Spring Data generates a
 * typed id for its documents.
 */
final class ModelPlan {

	/** The plan of what is not a model: documents, maps, JSON strings and classes the mapping context refuses. */
	static final ModelPlan NONE = new ModelPlan(null, null, null, null, null);

	private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

	private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

	private final @Nullable MongoPersistentEntity<?> entity;

	private final @Nullable MongoPersistentProperty id;

	private final @Nullable MongoPersistentProperty version;

	/** The stored type of an id Spring Data generates when the document has none ({@code @MongoId(String)}). */
	private final @Nullable Class<?> generatedId;

	/** The counter of a model stored as Django stores it, whose id is an auto-increment one; else null. */
	private final @Nullable DjangoCounter djangoCounter;

	/**
	 * The id field's setter, made once: what Spring Data's accessor does for a mutable id with field access, whose
	 * accessor is otherwise made anew per model; null where the accessor must set it.
	 */
	private final @Nullable MethodHandle idSetter;

	/** The id field's getter, made once, as {@link #idSetter}; null where the accessor must read it. */
	private final @Nullable MethodHandle idGetter;

	private ModelPlan(@Nullable MongoPersistentEntity<?> entity, @Nullable MongoPersistentProperty id,
			@Nullable MongoPersistentProperty version, @Nullable Class<?> generatedId,
			@Nullable DjangoCounter djangoCounter) {
		this.entity = entity;
		this.id = id;
		this.version = version;
		this.generatedId = generatedId;
		this.djangoCounter = djangoCounter;
		this.idSetter = (entity != null && id != null) ? fieldSetter(entity, id) : null;
		this.idGetter = (entity != null && id != null) ? fieldGetter(entity, id) : null;
	}

	private static @Nullable MethodHandle fieldSetter(MongoPersistentEntity<?> entity, MongoPersistentProperty property) {
		Field field = field(entity, property);
		if (field == null || property.isImmutable() || !property.isReadable()
				|| Modifier.isFinal(field.getModifiers())) {
			return null;
		}
		try {
			return MethodHandles.lookup().unreflectSetter(field).asType(SETTER);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable MethodHandle fieldGetter(MongoPersistentEntity<?> entity, MongoPersistentProperty property) {
		Field field = field(entity, property);
		if (field == null) {
			return null;
		}
		try {
			return MethodHandles.lookup().unreflectGetter(field).asType(GETTER);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return null;
		}
	}

	/** The field Spring Data's accessor reads and sets directly (field access, the default), or null. */
	private static @Nullable Field field(MongoPersistentEntity<?> entity, MongoPersistentProperty property) {
		Field field = property.getField();
		if (field == null || property.usePropertyAccess() || Modifier.isStatic(field.getModifiers())
				|| !field.getDeclaringClass().isAssignableFrom(entity.getType())) {
			return null;
		}
		try {
			ReflectionUtils.makeAccessible(field);
			return field;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	static ModelPlan of(Class<?> type, MongoConverter converter) {
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
		return new ModelPlan(entity, id, entity.getVersionProperty(), generatedId, djangoCounter);
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
		MethodHandle getter = this.idGetter;
		if (getter != null) {
			try {
				return (Object) getter.invokeExact(model);
			}
			catch (RuntimeException | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new UndeclaredThrowableException(ex);
			}
		}
		return entity().getPropertyAccessor(model).getProperty(property);
	}

	/** Sets an auto-increment id and returns the model (a new instance for immutable ones). */
	Object assignId(Object model, long value) {
		MongoPersistentProperty property = requiredId();
		Object id = (property.getType() == Integer.class) ? (Object) Math.toIntExact(value) : value;
		MethodHandle setter = this.idSetter;
		if (setter != null) {
			try {
				setter.invokeExact(model, id);
			}
			catch (RuntimeException | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new UndeclaredThrowableException(ex);
			}
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
