package io.djongo.spring.core.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A Django lookup such as {@code blogs__name__icontains} resolved against a model: the fields it walks through,
 * their stored dotted path, and the parts left over for transforms and the lookup itself.
 *
 * @param model the model the lookup starts from
 * @param expression the lookup as written
 * @param fields the fields walked, outermost first; never empty
 * @param storedPath the dotted path of the last field in the stored document
 * @param arrayPrefix the stored path of the first multi-valued field walked, or null when none was
 * @param owner where a following part would be looked up: the container of a last embedded or array field,
 * else the model or container declaring the last field
 * @param rest the parts after the last field: map keys, transforms and the lookup name
 */
public record LookupPath(ModelMetadata model, String expression, List<FieldDescriptor> fields, String storedPath,
		@Nullable String arrayPrefix, ModelMetadata owner, List<String> rest) {

	/** The last field walked. */
	public FieldDescriptor field() {
		return this.fields.get(this.fields.size() - 1);
	}

	/** Whether the path passes through a list, so that a condition can match any of several values. */
	public boolean isMultiValued() {
		return this.arrayPrefix != null;
	}

	/** The Java property path, dotted, as written without transforms and lookup. */
	public String propertyPath() {
		return String.join(".", this.fields.stream().map(FieldDescriptor::name).toList());
	}

}
