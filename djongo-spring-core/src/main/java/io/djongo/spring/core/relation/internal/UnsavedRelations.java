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

	private static final List<MongoPersistentProperty> NONE = List.of();

	private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext;

	private final Map<Class<?>, List<MongoPersistentProperty>> relations = new ConcurrentHashMap<>();

	public UnsavedRelations(MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		this.mappingContext = mappingContext;
	}

	/**
	 * Checks several models, as one bulk write stores them: the relation fields are looked up once per run of
	 * models of one class.
	 * @throws InvalidDataAccessApiUsageException naming the first relation field whose object has no id
	 */
	public void check(Collection<?> models) {
		Class<?> type = null;
		List<MongoPersistentProperty> properties = NONE;
		for (Object model : models) {
			if (model.getClass() != type) {
				type = model.getClass();
				properties = relationsOf(type);
			}
			if (!properties.isEmpty()) {
				check(model, properties);
			}
		}
	}

	/**
	 * Checks one model.
	 * @throws InvalidDataAccessApiUsageException naming the first relation field whose object has no id
	 */
	public void check(Object model) {
		List<MongoPersistentProperty> properties = relationsOf(model.getClass());
		if (!properties.isEmpty()) {
			check(model, properties);
		}
	}

	private List<MongoPersistentProperty> relationsOf(Class<?> type) {
		List<MongoPersistentProperty> properties = this.relations.get(type);
		if (properties == null) {
			MongoPersistentEntity<?> entity = this.mappingContext.getPersistentEntity(ClassUtils.getUserClass(type));
			properties = (entity != null) ? relationsOf(entity) : NONE;
			this.relations.put(type, properties);
		}
		return properties;
	}

	private void check(Object model, List<MongoPersistentProperty> properties) {
		MongoPersistentEntity<?> entity = this.mappingContext
			.getRequiredPersistentEntity(ClassUtils.getUserClass(model.getClass()));
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
