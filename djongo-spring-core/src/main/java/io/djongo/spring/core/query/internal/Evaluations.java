package io.djongo.spring.core.query.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.util.ClassUtils;

/**
 * Django's {@code in_bulk} and {@code contains} on a QuerySet: each a chain of the QuerySet's own calls, so one
 * command of its compiled plan.
 */
final class Evaluations {

	private Evaluations() {
	}

	/** The field {@code in_bulk} keys by: it must be unique, as Django checks. */
	static FieldDescriptor uniqueField(QueryEngine engine, ModelMetadata model, String field) {
		FieldDescriptor descriptor = PathResolver.PK.equals(field) ? model.requiredId() : model.field(field);
		if (descriptor == null) {
			throw engine.compiler().targets().paths().unknownField(model, field, field);
		}
		if (!engine.uniqueIndexes().isUnique(model, descriptor)) {
			throw new InvalidDataAccessApiUsageException("in_bulk()'s field_name must be a unique field but '" + field
					+ "' isn't (" + model.name() + " has no unique index on it alone).");
		}
		return descriptor;
	}

	/** The results whose field is among the values, keyed by the value given; one find of {@code field__in}. */
	static <K, T> Map<K, T> inBulk(DefaultQuerySet<T> qs, Collection<K> values, FieldDescriptor field, String name) {
		QueryPlan plan = qs.plan();
		if (!(plan.projection() instanceof Projection.Entities)) {
			throw new InvalidDataAccessApiUsageException("in_bulk() cannot be used with values() or values_list()");
		}
		if (plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException("Cannot use 'limit' or 'offset' with in_bulk().");
		}
		Map<K, T> result = new LinkedHashMap<>();
		if (values.isEmpty()) {
			return result;
		}
		PersistentEntity<?, ?> entity = plan.model().entity();
		Map<Object, T> byValue = new LinkedHashMap<>();
		for (T model : qs.filter(name + "__in", values).list()) {
			Object value = entity.getPropertyAccessor(model).getProperty(field.property());
			if (value != null) {
				byValue.put(value, model);
			}
		}
		QueryEngine engine = qs.engine();
		for (K value : values) {
			T model = byValue.get(value);
			if (model == null && value != null) {
				Object converted = engine.coercion().toJava(value, field.type(), engine.zone(),
						() -> plan.model().name() + "." + name);
				model = byValue.get(converted);
			}
			if (model != null) {
				result.put(value, model);
			}
		}
		return result;
	}

	/** Django's {@code contains}: the cache of an evaluated QuerySet, else one exists() of the model's id. */
	static <T> boolean contains(DefaultQuerySet<T> qs, Object model) {
		QueryPlan plan = qs.plan();
		if (!(plan.projection() instanceof Projection.Entities)) {
			throw new InvalidDataAccessApiUsageException(
					"Cannot call QuerySet.contains() after .values() or .values_list().");
		}
		Class<?> type = ClassUtils.getUserClass(model);
		if (type != plan.model().type()) {
			if (!AnnotatedElementUtils.hasAnnotation(type, Document.class)) {
				throw new InvalidDataAccessApiUsageException("contains() takes a model instance, not a "
						+ type.getSimpleName());
			}
			return false;
		}
		PersistentEntity<?, ?> entity = plan.model().entity();
		Object id = entity.getIdentifierAccessor(model).getIdentifier();
		if (id == null) {
			throw new InvalidDataAccessApiUsageException("QuerySet.contains() cannot be used on unsaved objects.");
		}
		List<T> cached = qs.cached();
		if (cached != null) {
			return cached.stream().anyMatch((result) -> id.equals(entity.getIdentifierAccessor(result).getIdentifier()));
		}
		return qs.filter(PathResolver.PK, id).exists();
	}

}
