package io.djongo.spring.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.relation.OneToOne;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.Association;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Knows every model and container: their fields, stored names, types and nesting, and the relations between them,
 * on top of Spring Data's {@code MongoMappingContext}. Metadata is computed once per class and cached.
 */
public final class ModelRegistry {

	private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext;

	private final Map<Class<?>, ModelMetadata> metadata = new ConcurrentHashMap<>();

	/** Changes whenever the mapping context learns an entity: a djongo context counts them, others are counted. */
	private final LongSupplier generation;

	private volatile @Nullable ReverseRelations reverse;

	public ModelRegistry(MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		this.mappingContext = mappingContext;
		this.generation = (mappingContext instanceof DjongoMappingContext djongo) ? djongo::generation
				: () -> mappingContext.getPersistentEntities().size();
	}

	/** The mapping context this registry reads. */
	public MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext() {
		return this.mappingContext;
	}

	/** The metadata of a model or container class. */
	public ModelMetadata metadata(Class<?> type) {
		ModelMetadata result = this.metadata.get(type);
		if (result == null) {
			result = create(type);
			this.metadata.putIfAbsent(type, result);
		}
		return result;
	}

	private ModelMetadata create(Class<?> type) {
		MongoPersistentEntity<?> entity = this.mappingContext.getRequiredPersistentEntity(type);
		Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
		entity.doWithProperties((MongoPersistentProperty property) -> fields.put(property.getName(),
				new FieldDescriptor(property, kindOf(property), null)));
		entity.doWithAssociations((Association<MongoPersistentProperty> association) -> {
			MongoPersistentProperty property = association.getInverse();
			Relation relation = relationOf(type, property);
			if (relation != null) {
				fields.put(property.getName(), new FieldDescriptor(property, relation.isManyToMany()
						? FieldDescriptor.Kind.MANY_TO_MANY : FieldDescriptor.Kind.FOREIGN_KEY, relation));
			}
		});
		Storage storage = storageOf(type);
		return new ModelMetadata(entity, fields, throughRelations(type, entity, storage), storage);
	}

	private Storage storageOf(Class<?> type) {
		return (this.mappingContext instanceof DjongoMappingContext djongo) ? djongo.storageOf(type) : Storage.NATIVE;
	}

	/**
	 * The many-to-many fields carried by a through model, or in Django storage by the through collection Django
	 * creates: not persistent, found on the class itself.
	 */
	private Map<String, Relation> throughRelations(Class<?> type, MongoPersistentEntity<?> entity, Storage storage) {
		Map<String, Relation> result = new LinkedHashMap<>();
		org.springframework.util.ReflectionUtils.doWithFields(type, (field) -> {
			ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
			boolean autoCreated = manyToMany != null && manyToMany.through() == void.class
					&& storage == Storage.DJANGO;
			if (manyToMany == null || (manyToMany.through() == void.class && !autoCreated)) {
				return;
			}
			Class<?> target = org.springframework.core.ResolvableType.forField(field).asCollection().resolveGeneric(0);
			if (target == null) {
				throw new FieldError(type.getSimpleName() + "." + field.getName()
						+ ": a many-to-many field must be a List of a model");
			}
			if (autoCreated) {
				result.put(field.getName(), DjangoThrough.relation(type, entity.getCollection(), field.getName(),
						target, manyToMany, relatedName(manyToMany.relatedName(), type)));
				return;
			}
			ModelMetadata through = metadata(manyToMany.through());
			String[] names = manyToMany.throughFields();
			Relation toOwner = throughKey(through, type, (names.length == 2) ? names[0] : null, field.getName());
			Relation toTarget = throughKey(through, target, (names.length == 2) ? names[1] : null, field.getName());
			result.put(field.getName(), new Relation(Relation.Kind.MANY_TO_MANY, type, field.getName(), field.getName(),
					target, OnDelete.CASCADE, relatedName(manyToMany.relatedName(), type), true,
					new Relation.Through(manyToMany.through(), Objects.requireNonNull(through.collection(),
							() -> through.name() + " is a through model: it needs a collection (@Document)"), toOwner,
							toTarget)));
		});
		return result;
	}

	private static Relation throughKey(ModelMetadata through, Class<?> to, @Nullable String name, String field) {
		List<Relation> keys = new ArrayList<>();
		for (FieldDescriptor candidate : through.fields().values()) {
			Relation relation = candidate.relation();
			if (relation != null && !relation.isManyToMany() && relation.target() == to
					&& (name == null || name.equals(candidate.name()))) {
				keys.add(relation);
			}
		}
		if (keys.size() != 1) {
			throw new FieldError("The through model " + through.name() + " of '" + field + "' needs exactly one foreign"
					+ " key to " + to.getSimpleName() + " (found " + keys.size()
					+ "); name the two keys with @ManyToMany(throughFields = {...})");
		}
		return keys.get(0);
	}

	private static @Nullable Relation relationOf(Class<?> owner, MongoPersistentProperty property) {
		Class<?> target = property.getActualType();
		ForeignKey foreignKey = property.findAnnotation(ForeignKey.class);
		if (foreignKey != null) {
			return new Relation(Relation.Kind.FOREIGN_KEY, owner, property.getName(), property.getFieldName(), target,
					foreignKey.onDelete(), relatedName(foreignKey.relatedName(), owner), foreignKey.nullable(), null);
		}
		OneToOne oneToOne = property.findAnnotation(OneToOne.class);
		if (oneToOne != null) {
			return new Relation(Relation.Kind.ONE_TO_ONE, owner, property.getName(), property.getFieldName(), target,
					oneToOne.onDelete(), relatedName(oneToOne.relatedName(), owner), oneToOne.nullable(), null);
		}
		ManyToMany manyToMany = property.findAnnotation(ManyToMany.class);
		if (manyToMany != null) {
			return new Relation(Relation.Kind.MANY_TO_MANY, owner, property.getName(), property.getFieldName(), target,
					OnDelete.CASCADE, relatedName(manyToMany.relatedName(), owner), true, null);
		}
		return null;
	}

	private static String relatedName(String declared, Class<?> owner) {
		return declared.isEmpty() ? Relation.defaultRelatedName(owner) : declared;
	}

	private static FieldDescriptor.Kind kindOf(MongoPersistentProperty property) {
		if (property.getType() == byte[].class) {
			return FieldDescriptor.Kind.VALUE;
		}
		if (property.isMap()) {
			return FieldDescriptor.Kind.MAP;
		}
		if (property.isCollectionLike()) {
			return property.isEntity() ? FieldDescriptor.Kind.ARRAY : FieldDescriptor.Kind.VALUES;
		}
		return property.isEntity() ? FieldDescriptor.Kind.EMBEDDED : FieldDescriptor.Kind.VALUE;
	}

	/**
	 * Every relation whose target is the given model: the reverse sides, reachable from it by their related names.
	 * Only models known to the mapping context are seen; Spring Boot registers every {@code @Document} class at
	 * start-up.
	 */
	public List<Relation> relationsTo(Class<?> target) {
		return reverseRelations().to(target);
	}

	/** The many-to-many relations carried by a through model whose target is the given model. */
	public List<Relation> throughRelationsTo(Class<?> target) {
		return reverseRelations().throughTo(target);
	}

	/** The relation reaching the model from another by its related name, or null. */
	public @Nullable Relation reverseRelation(Class<?> target, String relatedName) {
		return reverseRelations().named(target, relatedName);
	}

	/**
	 * The reverse relations of every known model, worked out in one pass over the mapping context's entities and
	 * kept until the context learns another entity (a model first used after start-up, as without Spring Boot's
	 * entity scan), which may declare relations to the models already indexed.
	 */
	private ReverseRelations reverseRelations() {
		long generation = this.generation.getAsLong();
		ReverseRelations index = this.reverse;
		if (index == null || index.generation() != generation) {
			// the pass may make the context learn through models; a later call sees them in the next generation
			index = ReverseRelations.of(generation, this.mappingContext.getPersistentEntities(), this::metadata);
			this.reverse = index;
		}
		return index;
	}

}
