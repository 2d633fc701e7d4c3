package io.djongo.spring.core.query.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * How each document of a listing becomes a result: a model instance (with its annotations set on same-named
 * non-persistent fields and its selected relations in place), or a row of values.
 */
final class RowMappers {

	private final ModelReader reader;

	private final MongoConverter converter;

	private final ValueReader values;

	/** The field each annotation is set on, per model class; empty when the model has none of that name. */
	private final Map<Class<?>, Map<String, Optional<Field>>> annotationFields = new ConcurrentHashMap<>();

	RowMappers(ModelReader reader, MongoConverter converter, ValueReader values) {
		this.reader = reader;
		this.converter = converter;
		this.values = values;
	}

	/**
	 * Model instances.
	 * @param partial whether documents lack fields ({@code only}, {@code defer}): read by the converter alone,
	 * since the callbacks of a whole model would see the missing fields
	 * @param annotations the annotations to set, with the type of their values
	 * @param selected the relations fetched in the same command, shortest first
	 */
	Function<Document, @Nullable Object> entities(Class<?> type, boolean partial, Map<String, Class<?>> annotations,
			List<String> selected) {
		return (document) -> {
			Object entity = partial ? this.converter.read(type, document) : this.reader.read(document, type);
			annotations.forEach((annotation, valueType) -> setAnnotation(entity, annotation,
					this.values.computed(document.get(annotation), valueType)));
			for (String relation : selected) {
				setSelected(entity, relation, document);
			}
			return entity;
		};
	}

	/** Rows of values, by what each key reads. */
	Function<Document, @Nullable Object> values(List<String> keys, List<Target> targets, Projection.Values.Shape shape,
			@Nullable Class<?> flatType) {
		return switch (shape) {
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
				return Collections.unmodifiableList(row);
			};
			case FLAT -> (document) -> flat(this.values.read(document, targets.get(0)), flatType);
		};
	}

	private @Nullable Object flat(@Nullable Object value, @Nullable Class<?> type) {
		if (value == null || type == null || type.isInstance(value)) {
			return value;
		}
		return this.converter.getConversionService().convert(value, type);
	}

	/**
	 * Puts a related model fetched in the same command ({@code selectRelated}) in place of the lazy reference the
	 * converter made, walking a chain ({@code author__profile}) from models set before.
	 */
	private void setSelected(Object entity, String relation, Document document) {
		String[] parts = relation.split(PathResolver.SEPARATOR);
		Object holder = entity;
		for (int i = 0; i < parts.length - 1 && holder != null; i++) {
			MongoPersistentEntity<?> holderType = persistentEntity(holder.getClass());
			holder = holderType.getPropertyAccessor(holder).getProperty(holderType.getRequiredPersistentProperty(parts[i]));
		}
		if (holder == null || holder instanceof LazyLoadingProxy) {
			return;
		}
		MongoPersistentEntity<?> holderType = persistentEntity(holder.getClass());
		MongoPersistentProperty property = holderType.getRequiredPersistentProperty(parts[parts.length - 1]);
		Object joined = ValueReader.extract(document, String.join(".",
				Arrays.stream(parts).map((part) -> TargetResolver.JOIN_PREFIX + part).toList()));
		Object value = (joined instanceof Document related) ? this.reader.read(related, property.getActualType()) : null;
		holderType.getPropertyAccessor(holder).setProperty(property, value);
	}

	private MongoPersistentEntity<?> persistentEntity(Class<?> type) {
		return this.converter.getMappingContext().getRequiredPersistentEntity(type);
	}

	private void setAnnotation(Object entity, String name, @Nullable Object value) {
		Field field = this.annotationFields.computeIfAbsent(entity.getClass(), (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(name, (key) -> annotationField(entity.getClass(), key))
			.orElse(null);
		if (field == null) {
			return;
		}
		Object converted = value;
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(field.getType());
		if (value != null && !type.isInstance(value)) {
			converted = this.converter.getConversionService().convert(value, type);
		}
		if (converted == null && field.getType().isPrimitive()) {
			return;
		}
		ReflectionUtils.setField(field, entity, converted);
	}

	private static Optional<Field> annotationField(Class<?> type, String name) {
		Field field = ReflectionUtils.findField(type, name);
		if (field == null || Modifier.isStatic(field.getModifiers())) {
			return Optional.empty();
		}
		ReflectionUtils.makeAccessible(field);
		return Optional.of(field);
	}

}
