package io.djongo.spring.core.query.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import org.bson.Document;
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
 * @param listInsideJoin whether a list of the related document is walked past a multi-valued join (two list levels)
 */
record Target(String description, String storedPath, Class<?> valueType, FieldDescriptor.Kind kind,
		@Nullable String arrayPrefix, boolean groupable, @Nullable ModelMetadata container, boolean annotation,
		List<String> rest, List<Join> joins, @Nullable ModelMetadata related, boolean relationValued,
		boolean listInsideJoin) {

	Target(String description, String storedPath, Class<?> valueType, FieldDescriptor.Kind kind,
			@Nullable String arrayPrefix, boolean groupable, @Nullable ModelMetadata container, boolean annotation,
			List<String> rest, List<Join> joins, @Nullable ModelMetadata related, boolean relationValued) {
		this(description, storedPath, valueType, kind, arrayPrefix, groupable, container, annotation, rest, joins,
				related, relationValued, false);
	}

	boolean isMultiValued() {
		return this.arrayPrefix != null;
	}

	/** The stored id of the related documents: {@code _id}, or the id column of a model in Django storage. */
	String relatedId() {
		ModelMetadata model = this.related;
		return (model != null) ? model.idField() : "_id";
	}

	/**
	 * The one list to unwind so that each value of a multi-valued target stands alone (one document per related row,
	 * as Django's join gives one row per related object), or null when the target crosses no list or more than one.
	 */
	@Nullable String unwindPath() {
		if (this.arrayPrefix == null || this.listInsideJoin || (!this.relationValued
				&& this.kind == FieldDescriptor.Kind.MANY_TO_MANY && !this.joins.isEmpty())) {
			return null;
		}
		int lists = 0;
		List<Join> level = this.joins;
		while (!level.isEmpty()) {
			lists += level.get(0).multiValued() ? 1 : 0;
			level = level.get(0).children();
		}
		return (lists <= 1) ? this.arrayPrefix : null;
	}

	/**
	 * Whether some value of a multi-valued target meets a condition (an expression over {@code $$<variable>}), as
	 * Django's join finds a row. Each list crossed (a multi-valued join, a many-to-many list of ids) nests one array
	 * level, walked by one {@code $filter} each; a missing list has no values. ({@code $filter} and {@code $size}
	 * rather than {@code $anyElementTrue} or a flattening {@code $reduce}, which the embedded server lacks in a
	 * {@code $match}.)
	 */
	Object anyValue(String variable, Function<Object, Object> condition) {
		int lists = (!this.relationValued && this.kind == FieldDescriptor.Kind.MANY_TO_MANY) ? 1 : 0;
		List<Join> level = this.joins;
		while (!level.isEmpty()) {
			lists += level.get(0).multiValued() ? 1 : 0;
			level = level.get(0).children();
		}
		int levels = Math.max(lists, 1);
		String path = "$" + this.storedPath + (this.relationValued ? "." + relatedId() : "");
		Object any = condition.apply("$$" + variable);
		for (int i = levels; i >= 1; i--) {
			// the innermost level holds the values, each outer one the lists of the next
			String name = (i == levels) ? variable : variable + i;
			Object values = (i == 1) ? new Document("$ifNull", Arrays.asList(path, List.of()))
					: inner("$$" + variable + (i - 1));
			Object cond = any;
			any = new Document("$gt", List.of(new Document("$size",
					new Document("$filter", new Document("input", values).append("as", name).append("cond", cond))), 0));
		}
		return any;
	}

	/**
	 * An element of an outer list as the list of its values: MongoDB gives a nested list for a path through two lists,
	 * the embedded server a flat one, so a single value counts as a list of one (null as none).
	 */
	private static Object inner(String element) {
		return new Document("$cond", Arrays.asList(new Document("$isArray", element), element,
				new Document("$cond", Arrays.asList(new Document("$gt", Arrays.asList(element, null)), List.of(element),
						List.of()))));
	}

	boolean isContainer() {
		return !this.relationValued
				&& (this.kind == FieldDescriptor.Kind.EMBEDDED || this.kind == FieldDescriptor.Kind.ARRAY);
	}

}
