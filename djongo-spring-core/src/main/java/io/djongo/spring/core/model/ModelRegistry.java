package io.djongo.spring.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
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

	public ModelRegistry(MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		this.mappingContext = mappingContext;
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
				new FieldDescriptor(property, kindOf(property))));
		return new ModelMetadata(entity, fields);
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
	 * Resolves the field part of a lookup. Walking stops at the first scalar, list-of-scalars or map field, or at
	 * the first part a container does not declare; what follows is left in {@link LookupPath#rest()}.
	 * @param model the model the lookup starts from
	 * @param expression the lookup, e.g. {@code "blogs__name__icontains"}
	 * @return the resolved path
	 * @throws FieldError when the first part names no field of the model, or a part is empty
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
		List<FieldDescriptor> fields = new ArrayList<>();
		StringBuilder stored = new StringBuilder();
		String arrayPrefix = null;
		int index = 0;
		while (index < parts.size()) {
			String part = parts.get(index);
			FieldDescriptor field = (index == 0 && PK.equals(part)) ? owner.id() : owner.field(part);
			if (field == null) {
				if (fields.isEmpty()) {
					throw unknownField(owner, part, expression);
				}
				break;
			}
			fields.add(field);
			if (stored.length() > 0) {
				stored.append('.');
			}
			stored.append(field.storedName());
			if (arrayPrefix == null && field.isMultiValued()) {
				arrayPrefix = stored.toString();
			}
			index++;
			Class<?> container = field.containerType();
			if (container == null) {
				break;
			}
			owner = metadata(container);
		}
		return new LookupPath(root, expression, List.copyOf(fields), stored.toString(), arrayPrefix, owner,
				List.copyOf(parts.subList(index, parts.size())));
	}

	/**
	 * The error for a keyword that names no field: Django's "Cannot resolve keyword 'titel' into field. Choices are:
	 * ...", completed with the model and the lookup at fault.
	 */
	public static FieldError unknownField(ModelMetadata owner, String keyword, @Nullable String expression) {
		return new FieldError("Cannot resolve keyword '" + keyword + "' into field. Choices are: " + owner.choices()
				+ " (model " + owner.name() + ((expression != null) ? ", lookup '" + expression + "'" : "") + ")");
	}

}
