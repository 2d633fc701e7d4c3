package io.djongo.spring.core.relation.internal;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.relation.InvalidRelationException;
import io.djongo.spring.core.relation.OnDelete;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ReflectionUtils;

/**
 * What a relation declaration must satisfy for its {@code on_delete} rule, and the values {@code SET_DEFAULT}
 * writes. {@code SET_NULL} needs a nullable field ({@code nullable = false} or Bean Validation's {@code @NotNull}
 * forbid it); {@code SET_DEFAULT} needs a no-argument constructor, whose model holds the default, and a nullable
 * field when that default is null.
 */
final class RelationDeclarations {

	private RelationDeclarations() {
	}

	/** Every relation declared by the models the registry's mapping context knows. */
	static List<FieldDescriptor> relationFields(ModelRegistry models) {
		List<FieldDescriptor> result = new ArrayList<>();
		for (MongoPersistentEntity<?> entity : models.mappingContext().getPersistentEntities()) {
			if (entity.getType().isInterface()) {
				continue;
			}
			for (FieldDescriptor field : models.metadata(entity.getType()).fields().values()) {
				if (field.relation() != null) {
					result.add(field);
				}
			}
		}
		return result;
	}

	/**
	 * Checks the relations of every model known to the registry's mapping context.
	 * @throws InvalidRelationException for the first relation whose rule cannot be honoured
	 */
	static void check(ModelRegistry models, MongoConverter converter) {
		for (FieldDescriptor field : relationFields(models)) {
			check(field, converter);
		}
	}

	/**
	 * Checks one relation field.
	 * @throws InvalidRelationException when its rule cannot be honoured
	 */
	static void check(FieldDescriptor field, MongoConverter converter) {
		Relation relation = relation(field);
		if (relation.onDelete() == OnDelete.SET_NULL && !isNullable(field)) {
			throw new InvalidRelationException(relation.owner(), relation.field(),
					"on_delete SET_NULL needs a field that can be null; it is declared "
							+ (relation.nullable() ? "@NotNull" : "nullable = false")
							+ ". Make it nullable or choose another OnDelete (CASCADE, PROTECT, RESTRICT, SET_DEFAULT, DO_NOTHING)");
		}
		if (relation.onDelete() == OnDelete.SET_DEFAULT) {
			defaultValue(field, converter);
		}
	}

	/** Whether the relation field may hold null: nullable and not {@code @NotNull}. */
	static boolean isNullable(FieldDescriptor field) {
		return relation(field).nullable() && !field.property().isAnnotationPresent(NotNull.class);
	}

	/**
	 * The stored value {@code SET_DEFAULT} writes: the id of the related model that a model made by the
	 * no-argument constructor holds, or null.
	 * @throws InvalidRelationException when there is no such constructor, or the default is null and the field cannot
	 * be
	 */
	static @Nullable Object defaultValue(FieldDescriptor field, MongoConverter converter) {
		Relation relation = relation(field);
		Object fresh = instantiate(relation);
		MongoPersistentEntity<?> owner = converter.getMappingContext().getRequiredPersistentEntity(relation.owner());
		MongoPersistentProperty property = owner.getRequiredPersistentProperty(relation.field());
		PersistentPropertyAccessor<Object> accessor = owner.getPropertyAccessor(fresh);
		Object related = accessor.getProperty(property);
		if (related == null) {
			if (!isNullable(field)) {
				throw new InvalidRelationException(relation.owner(), relation.field(),
						"on_delete SET_DEFAULT needs a default: the field is null in a model made by the no-argument"
								+ " constructor, and it cannot be null. Give the field an initial value");
			}
			return null;
		}
		MongoPersistentEntity<?> target = converter.getMappingContext().getRequiredPersistentEntity(relation.target());
		Object id = target.getIdentifierAccessor(related).getIdentifier();
		if (id == null) {
			throw new InvalidRelationException(relation.owner(), relation.field(),
					"on_delete SET_DEFAULT: the default " + relation.target().getSimpleName() + " has no id");
		}
		return converter.convertToMongoType(id);
	}

	private static Object instantiate(Relation relation) {
		try {
			Constructor<?> constructor = relation.owner().getDeclaredConstructor();
			ReflectionUtils.makeAccessible(constructor);
			return constructor.newInstance();
		}
		catch (NoSuchMethodException ex) {
			throw new InvalidRelationException(relation.owner(), relation.field(),
					"on_delete SET_DEFAULT takes the default from a model made by the no-argument constructor, and "
							+ relation.owner().getSimpleName() + " has none");
		}
		catch (ReflectiveOperationException ex) {
			throw new InvalidRelationException(relation.owner(), relation.field(),
					"on_delete SET_DEFAULT could not make a " + relation.owner().getSimpleName()
							+ " with the no-argument constructor to read the default: " + ex);
		}
	}

	private static Relation relation(FieldDescriptor field) {
		Relation relation = field.relation();
		if (relation == null) {
			throw new IllegalArgumentException(field + " is not a relation");
		}
		return relation;
	}

}
