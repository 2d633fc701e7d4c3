package io.djongo.spring.core.model;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Knows every model and container: their fields, stored names, types and nesting, on top of Spring Data's
 * {@code MongoMappingContext}. Resolves Django lookup paths ({@code blog__name}, {@code blogs__name__icontains})
 * into {@link LookupPath}s. Metadata is computed once per class and cached.
 */
public final class ModelRegistry {

	/** Django's separator between the parts of a lookup. */
	public static final String SEPARATOR = "__";

	/** Django's alias for a model's primary key. */
	public static final String PK = "pk";

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
		return new ModelMetadata(entity, fields, throughRelations(type));
	}

	/** The many-to-many fields carried by a through model: not persistent, found on the class itself. */
	private Map<String, Relation> throughRelations(Class<?> type) {
		Map<String, Relation> result = new LinkedHashMap<>();
		org.springframework.util.ReflectionUtils.doWithFields(type, (field) -> {
			ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
			if (manyToMany == null || manyToMany.through() == void.class) {
				return;
			}
			Class<?> target = org.springframework.core.ResolvableType.forField(field).asCollection().resolveGeneric(0);
			if (target == null) {
				throw new FieldError(type.getSimpleName() + "." + field.getName()
						+ ": a many-to-many field must be a List of a model");
			}
			ModelMetadata through = metadata(manyToMany.through());
			String[] names = manyToMany.throughFields();
			Relation toOwner = throughKey(through, type, (names.length == 2) ? names[0] : null, field.getName());
			Relation toTarget = throughKey(through, target, (names.length == 2) ? names[1] : null, field.getName());
			result.put(field.getName(), new Relation(Relation.Kind.MANY_TO_MANY, type, field.getName(), field.getName(),
					target, OnDelete.CASCADE, relatedName(manyToMany.relatedName(), type), true,
					new Relation.Through(manyToMany.through(), toOwner, toTarget)));
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

	/**
	 * Resolves the field part of a lookup, across relations. Walking stops at the first scalar, list-of-scalars or
	 * map field, at a relation whose next part is a lookup or the referred id, or at the first part a container does
	 * not declare; what follows is left in {@link LookupPath#rest()}.
	 * @param model the model the lookup starts from
	 * @param expression the lookup, e.g. {@code "blogs__name__icontains"} or {@code "author__name"}
	 * @return the resolved path
	 * @throws FieldError when a part names no field of the model or relation it is looked up in, or is empty
	 */
	public LookupPath resolve(Class<?> model, String expression) {
		ModelMetadata root = metadata(model);
		List<String> parts = Arrays.asList(expression.split(SEPARATOR, -1));
		for (String part : parts) {
			if (part.isEmpty()) {
				throw new FieldError("Invalid lookup '" + expression + "' on " + root.name()
						+ ": a part between '__' separators is empty");
			}
		}
		ModelMetadata owner = root;
		List<LookupPath.Hop> hops = new ArrayList<>();
		List<FieldDescriptor> fields = new ArrayList<>();
		StringBuilder stored = new StringBuilder();
		String arrayPrefix = null;
		int index = 0;
		while (index < parts.size()) {
			String part = parts.get(index);
			FieldDescriptor field = (fields.isEmpty() && PK.equals(part)) ? owner.id() : owner.field(part);
			Relation carried = (field == null && fields.isEmpty()) ? owner.throughRelations().get(part) : null;
			if (carried != null) {
				owner = throughHops(carried, false, hops);
				index++;
				continue;
			}
			if (field == null && fields.isEmpty() && owner.collection() != null) {
				Relation reverse = reverseRelation(owner.type(), part);
				if (reverse != null && reverse.through() != null) {
					owner = throughHops(reverse, true, hops);
					index++;
					continue;
				}
				if (reverse != null) {
					ModelMetadata target = metadata(reverse.owner());
					hops.add(new LookupPath.Hop(reverse, true, "_id", reverse.storedField(), target));
					owner = target;
					index++;
					continue;
				}
				field = idAlias(owner, part);
			}
			if (field == null) {
				if (fields.isEmpty() && hops.isEmpty()) {
					throw unknownField(owner, part, expression);
				}
				// a lookup on what was reached, or a misspelt field: the query layer tells them apart
				break;
			}
			fields.add(field);
			if (stored.length() > 0) {
				stored.append('.');
			}
			stored.append(field.storedName());
			if (arrayPrefix == null && field.isMultiValued() && field.relation() == null) {
				arrayPrefix = stored.toString();
			}
			index++;
			Relation relation = field.relation();
			if (relation != null) {
				if (index == parts.size()) {
					break;
				}
				ModelMetadata target = metadata(relation.target());
				String next = parts.get(index);
				// author__id and author__pk compare the stored id: no join needed
				if (PK.equals(next) || (target.id() != null && target.id().name().equals(next))) {
					index++;
					break;
				}
				if (target.field(next) == null && reverseRelation(target.type(), next) == null) {
					break;
				}
				hops.add(new LookupPath.Hop(relation, false, stored.toString(), "_id", target));
				owner = target;
				fields = new ArrayList<>();
				stored = new StringBuilder();
				arrayPrefix = null;
				continue;
			}
			Class<?> container = field.containerType();
			if (container == null) {
				break;
			}
			owner = metadata(container);
		}
		return new LookupPath(root, expression, List.copyOf(hops), List.copyOf(fields), stored.toString(), arrayPrefix,
				owner, List.copyOf(parts.subList(index, parts.size())));
	}

	/**
	 * The two hops of a many-to-many carried by a through model: into the through model by its key to where the
	 * lookup comes from, out of it by its key to where it goes. Returns the model reached.
	 */
	private ModelMetadata throughHops(Relation relation, boolean reverse, List<LookupPath.Hop> hops) {
		Relation.Through through = Objects.requireNonNull(relation.through(),
				() -> relation + " is not carried by a through model");
		Relation in = reverse ? through.toTarget() : through.toOwner();
		Relation out = reverse ? through.toOwner() : through.toTarget();
		ModelMetadata throughModel = metadata(through.model());
		ModelMetadata reached = metadata(out.target());
		hops.add(new LookupPath.Hop(in, true, "_id", in.storedField(), throughModel));
		hops.add(new LookupPath.Hop(out, false, out.storedField(), "_id", reached));
		return reached;
	}

	/** Django's {@code author_id}: the stored id of a foreign key, named as stored. */
	private static @Nullable FieldDescriptor idAlias(ModelMetadata owner, String part) {
		for (FieldDescriptor field : owner.fields().values()) {
			if (field.kind() == FieldDescriptor.Kind.FOREIGN_KEY && field.storedName().equals(part)) {
				return field;
			}
		}
		return null;
	}

	/** The names a model's lookups can start with: its fields and the related names of its reverse relations. */
	public String choices(ModelMetadata owner) {
		java.util.Set<String> names = new java.util.TreeSet<>(owner.fields().keySet());
		names.addAll(owner.throughRelations().keySet());
		if (owner.collection() != null) {
			relationsTo(owner.type()).forEach((relation) -> names.add(relation.relatedName()));
			throughRelationsTo(owner.type()).forEach((relation) -> names.add(relation.relatedName()));
		}
		return String.join(", ", names);
	}

	/**
	 * The error for a keyword that names no field: Django's "Cannot resolve keyword 'titel' into field. Choices are:
	 * ...", completed with the model and the lookup at fault.
	 */
	public FieldError unknownField(ModelMetadata owner, String keyword, @Nullable String expression) {
		return new FieldError("Cannot resolve keyword '" + keyword + "' into field. Choices are: " + choices(owner)
				+ " (model " + owner.name() + ((expression != null) ? ", lookup '" + expression + "'" : "") + ")");
	}

}
