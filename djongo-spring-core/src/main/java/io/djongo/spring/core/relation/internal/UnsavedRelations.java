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
import org.springframework.data.mapping.Association;
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

	private static final Relations NONE = new Relations(null, List.of());

	private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext;

	private final Map<Class<?>, Relations> relations = new ConcurrentHashMap<>();

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
		Relations declared = NONE;
		for (Object model : models) {
			if (model.getClass() != type) {
				type = model.getClass();
				declared = relationsOf(type);
			}
			declared.check(model, this);
		}
	}

	/**
	 * Checks one model.
	 * @throws InvalidDataAccessApiUsageException naming the first relation field whose object has no id
	 */
	public void check(Object model) {
		relationsOf(model.getClass()).check(model, this);
	}

	private Relations relationsOf(Class<?> type) {
		Relations declared = this.relations.get(type);
		if (declared == null) {
			MongoPersistentEntity<?> entity = this.mappingContext.getPersistentEntity(ClassUtils.getUserClass(type));
			declared = (entity != null) ? new Relations(entity, relationsOf(entity)) : NONE;
			this.relations.put(type, declared);
		}
		return declared;
	}

	/**
	 * The relation fields of one model class.
	 * @param entity its entity; null for what is not a model
	 * @param properties its foreign key, one-to-one and many-to-many properties
	 */
	private record Relations(@Nullable MongoPersistentEntity<?> entity, List<MongoPersistentProperty> properties) {

		void check(Object model, UnsavedRelations unsaved) {
			MongoPersistentEntity<?> owner = this.entity;
			if (owner == null || this.properties.isEmpty()) {
				return;
			}
			PersistentPropertyAccessor<Object> accessor = owner.getPropertyAccessor(model);
			for (MongoPersistentProperty property : this.properties) {
				Object value = accessor.getProperty(property);
				if (value == null || value instanceof LazyLoadingProxy) {
					continue;
				}
				if (value instanceof Collection<?> many) {
					for (Object element : many) {
						if (unsaved.unsaved(element)) {
							throw unsaved(property);
						}
					}
				}
				else if (unsaved.unsaved(value)) {
					throw unsaved(property);
				}
			}
		}

	}

	private boolean unsaved(@Nullable Object related) {
		if (related == null || related instanceof LazyLoadingProxy) {
			return false;
		}
		MongoPersistentEntity<?> entity = relationsOf(related.getClass()).entity();
		return entity != null && entity.hasIdProperty() && entity.getIdentifierAccessor(related).getIdentifier() == null;
	}

	private static InvalidDataAccessApiUsageException unsaved(MongoPersistentProperty property) {
		return new InvalidDataAccessApiUsageException("save() prohibited to prevent data loss due to unsaved related object '"
				+ property.getName() + "'.");
	}

	private static List<MongoPersistentProperty> relationsOf(MongoPersistentEntity<?> entity) {
		List<MongoPersistentProperty> result = new ArrayList<>();
		entity.doWithAssociations((Association<MongoPersistentProperty> association) -> {
			MongoPersistentProperty property = association.getInverse();
			if (property.isAnnotationPresent(ForeignKey.class) || property.isAnnotationPresent(OneToOne.class)
					|| property.isAnnotationPresent(ManyToMany.class)) {
				result.add(property);
			}
		});
		return List.copyOf(result);
	}

}
