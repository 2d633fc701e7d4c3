package io.djongo.spring.core.query.internal;

import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import org.jspecify.annotations.Nullable;

/**
 * What a lookup, ordering or aggregate points at once its field part is resolved: a stored path and the Java
 * type of its values, or an annotation computed by the same query.
 *
 * @param description the model and lookup, for messages ("Post.title__icontains")
 * @param storedPath the dotted path in the stored document (or the annotation's name)
 * @param valueType the Java type of one value
 * @param kind what the field holds; VALUE for annotations and map entries
 * @param arrayPrefix the stored path of the first list walked through, or null
 * @param groupable whether conditions on this target take part in the same-element rule ($elemMatch)
 * @param container the container a lookup can still walk into, or null
 * @param annotation whether the target is an annotation of the query
 * @param rest the parts left for transforms and the lookup
 * @param joins the relations joined to reach the target, in order
 * @param related the model whose id the target holds (a foreign key, a many-to-many field, a joined relation), or null
 * @param relationValued whether the target is the set of related documents itself ({@code post} on an author)
 */
record Target(String description, String storedPath, Class<?> valueType, FieldDescriptor.Kind kind,
		@Nullable String arrayPrefix, boolean groupable, @Nullable ModelMetadata container, boolean annotation,
		List<String> rest, List<Join> joins, @Nullable ModelMetadata related, boolean relationValued) {

	boolean isMultiValued() {
		return this.arrayPrefix != null;
	}

	boolean isContainer() {
		return !this.relationValued
				&& (this.kind == FieldDescriptor.Kind.EMBEDDED || this.kind == FieldDescriptor.Kind.ARRAY);
	}

}
