package io.djongo.spring.core.schema.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ClassUtils;

/**
 * Which models have an auto-increment id (an {@code @Id} of type {@code Long} or {@code Integer}), worked out once
 * per class.
 */
public final class AutoIds {

	private static final Object NONE = new Object();

	private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext;

	private final ConcurrentMap<Class<?>, Object> idProperties = new ConcurrentHashMap<>();

	public AutoIds(MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		this.mappingContext = mappingContext;
	}

	/**
	 * The persistent entity of a model with an auto-increment id, or {@code null}.
	 */
	public @Nullable MongoPersistentEntity<?> entityOf(Object model) {
		Object entry = this.idProperties.get(model.getClass());
		if (entry == null) {
			entry = this.idProperties.computeIfAbsent(model.getClass(), this::resolve);
		}
		return (entry != NONE) ? (MongoPersistentEntity<?>) entry : null;
	}

	/**
	 * The auto-increment id of a model: a {@code Long}, an {@code Integer} or {@code null} when not yet assigned.
	 * @throws IllegalArgumentException when the model has no auto-increment id
	 */
	public @Nullable Number idOf(Object model) {
		MongoPersistentEntity<?> entity = entityOf(model);
		if (entity == null) {
			throw new IllegalArgumentException(model.getClass().getName() + " has no auto-increment id");
		}
		return (Number) entity.getPropertyAccessor(model).getProperty(entity.getRequiredIdProperty());
	}

	/**
	 * Whether a model has an auto-increment id still unassigned: it is new.
	 */
	public boolean isUnassigned(Object model) {
		return entityOf(model) != null && idOf(model) == null;
	}

	/**
	 * Sets the id, converted to the property's type, and returns the model (a new instance for immutable ones).
	 */
	public Object assign(Object model, long id) {
		MongoPersistentEntity<?> entity = entityOf(model);
		if (entity == null) {
			throw new IllegalArgumentException(model.getClass().getName() + " has no auto-increment id");
		}
		MongoPersistentProperty property = entity.getRequiredIdProperty();
		var accessor = entity.getPropertyAccessor(model);
		accessor.setProperty(property, (property.getType() == Integer.class) ? (Object) Math.toIntExact(id) : id);
		return accessor.getBean();
	}

	private Object resolve(Class<?> type) {
		if (Map.class.isAssignableFrom(type) || Iterable.class.isAssignableFrom(type)
				|| ClassUtils.isPrimitiveOrWrapper(type) || type.isArray()) {
			return NONE;
		}
		MongoPersistentEntity<?> entity = this.mappingContext.getPersistentEntity(type);
		if (entity == null || !entity.hasIdProperty()) {
			return NONE;
		}
		Class<?> idType = entity.getRequiredIdProperty().getType();
		return (idType == Long.class || idType == Integer.class) ? entity : NONE;
	}

}
