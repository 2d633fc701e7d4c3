package io.djongo.spring.core.schema.migration.internal;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a dotted path of a model, by stored names ({@code blog.name}, {@code author_id}) or by Java names
 * ({@code blog.name}, {@code author}), into the fields it passes through. A path that goes on past a map, or past a
 * value that is no container (a GeoJSON point's {@code coordinates}), ends there.
 */
final class StoredPaths {

	private final ModelRegistry models;

	StoredPaths(ModelRegistry models) {
		this.models = models;
	}

	/**
	 * The fields a path passes through, or null when a part names no field.
	 * @param javaNames whether the parts are Java names ({@code pk} for the id) rather than stored ones
	 */
	@Nullable List<FieldDescriptor> resolve(ModelMetadata model, String path, boolean javaNames) {
		List<FieldDescriptor> fields = new ArrayList<>();
		ModelMetadata current = model;
		String[] parts = path.split("\\.", -1);
		for (int i = 0; i < parts.length; i++) {
			FieldDescriptor field = find(current, parts[i], javaNames);
			if (field == null) {
				return null;
			}
			fields.add(field);
			Class<?> container = field.containerType();
			if (i < parts.length - 1) {
				if (container == null) {
					// a map's keys, or the inside of a value type: not described by the model
					return (field.kind() == FieldDescriptor.Kind.MAP || !isPlain(field)) ? fields : null;
				}
				current = this.models.metadata(container);
			}
		}
		return fields;
	}

	/** The stored path of resolved fields ({@code _id} for an id). */
	static String stored(List<FieldDescriptor> fields, String declared) {
		List<String> parts = new ArrayList<>();
		for (FieldDescriptor field : fields) {
			parts.add(field.storedName());
		}
		String[] declaredParts = declared.split("\\.", -1);
		// the parts past a map or a value type are kept as declared
		for (int i = fields.size(); i < declaredParts.length; i++) {
			parts.add(declaredParts[i]);
		}
		return String.join(".", parts);
	}

	private static @Nullable FieldDescriptor find(ModelMetadata model, String part, boolean javaNames) {
		if ("_id".equals(part) || (javaNames && "pk".equals(part))) {
			return model.id();
		}
		if (javaNames) {
			return model.field(part);
		}
		for (FieldDescriptor field : model.fields().values()) {
			if (field.storedName().equals(part)) {
				return field;
			}
		}
		return null;
	}

	private static boolean isPlain(FieldDescriptor field) {
		Class<?> type = field.valueType();
		return type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")
				|| type.getName().startsWith("org.bson.");
	}

}
