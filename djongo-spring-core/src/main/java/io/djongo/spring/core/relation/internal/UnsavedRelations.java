package io.djongo.spring.core.relation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OneToOne;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ClassUtils;

/**
 * Finds related objects without an id in models about to be saved. Lazy proxies are never resolved: they stand for
 * stored objects.
 */
public final class UnsavedRelations {

	private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext;

	private final Map<Class<?>, List<MongoPersistentProperty>> relations = new ConcurrentHashMap<>();

	public UnsavedRelations(MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		this.mappingContext = mappingContext;
	}

	/** Checks several models, as one bulk write stores them. */
	public void check(Collection<?> models) {
		for (Object model : models) {
			check(model);
		}
	}

	/**
	 * Checks one model.
	 * @throws InvalidDataAccessApiUsageException naming the first relation field whose object has no id
	 */
	public void check(Object model) {
		Class<?> type = ClassUtils.getUserClass(model);
		MongoPersistentEntity<?> entity = this.mappingContext.getPersistentEntity(type);
		if (entity == null) {
			return;
		}
		List<MongoPersistentProperty> properties = this.relations.computeIfAbsent(type, (key) -> relationsOf(entity));
		if (properties.isEmpty()) {
			return;
		}
		PersistentPropertyAccessor<Object> accessor = entity.getPropertyAccessor(model);
		for (MongoPersistentProperty property : properties) {
			Object value = accessor.getProperty(property);
			if (value == null || value instanceof LazyLoadingProxy) {
				continue;
			}
			if (value instanceof Collection<?> many) {
				for (Object element : many) {
					if (unsaved(element)) {
						throw unsaved(property);
					}
				}
			}
			else if (unsaved(value)) {
				throw unsaved(property);
			}
		}
	}

	private boolean unsaved(@Nullable Object related) {
		if (related == null || related instanceof LazyLoadingProxy) {
			return false;
		}
		MongoPersistentEntity<?> entity = this.mappingContext.getPersistentEntity(ClassUtils.getUserClass(related));
		return entity != null && entity.hasIdProperty() && entity.getIdentifierAccessor(related).getIdentifier() == null;
	}

	private static InvalidDataAccessApiUsageException unsaved(MongoPersistentProperty property) {
		return new InvalidDataAccessApiUsageException("save() prohibited to prevent data loss due to unsaved related object '"
				+ property.getName() + "'.");
	}

	private static List<MongoPersistentProperty> relationsOf(MongoPersistentEntity<?> entity) {
		List<MongoPersistentProperty> result = new ArrayList<>();
		entity.doWithAssociations((org.springframework.data.mapping.Association<MongoPersistentProperty> association) -> {
			MongoPersistentProperty property = association.getInverse();
			if (property.isAnnotationPresent(ForeignKey.class) || property.isAnnotationPresent(OneToOne.class)
					|| property.isAnnotationPresent(ManyToMany.class)) {
				result.add(property);
			}
		});
		return List.copyOf(result);
	}

}
