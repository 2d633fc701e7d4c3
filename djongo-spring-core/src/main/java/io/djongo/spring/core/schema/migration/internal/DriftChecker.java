package io.djongo.spring.core.schema.migration.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.djongo.spring.core.schema.CheckReport.FieldDrift;
import io.djongo.spring.core.schema.CheckReport.ModelCheck;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Compares documents with a model's {@code $jsonSchema}, as the server's validator would, but reports instead of
 * refusing: per stored path (into embedded documents and array elements), the documents that lack a field, hold a
 * field the model does not declare, or hold a type the model does not store there. Each document counts once per
 * path and kind; the first {@value #IDS} ids are kept.
 */
final class DriftChecker {

	/** How many ids each finding keeps. */
	static final int IDS = 3;

	private final Map<String, Finding> findings = new LinkedHashMap<>();

	private final Set<String> seenInDocument = new HashSet<>();

	private long examined;

	/** Checks one document. */
	void check(Document schema, Document document) {
		this.examined++;
		this.seenInDocument.clear();
		walk(schema, document, "", document.get("_id"), true);
	}

	/**
	 * @param collectionOptions how the collection differs from the model's declaration (capped), empty when it does
	 * not
	 */
	ModelCheck report(String model, String collection, String collectionOptions) {
		List<FieldDrift> fields = new ArrayList<>();
		for (Finding finding : this.findings.values()) {
			fields.add(new FieldDrift(finding.path, finding.kind, finding.count, List.copyOf(finding.ids),
					finding.detail(), finding.drift));
		}
		return new ModelCheck(model, collection, this.examined, List.copyOf(fields), collectionOptions);
	}

	private void walk(Document schema, Document document, String prefix, @Nullable Object id, boolean root) {
		Document properties = schema.get("properties", Document.class);
		if (properties == null) {
			return;
		}
		List<?> required = schema.getList("required", Object.class, List.of());
		for (Map.Entry<String, Object> property : properties.entrySet()) {
			String path = prefix + property.getKey();
			if (!document.containsKey(property.getKey())) {
				record(path, FieldDrift.Kind.MISSING, id, null, null, required.contains(property.getKey()));
			}
			else if (property.getValue() instanceof Document fieldSchema) {
				value(fieldSchema, document.get(property.getKey()), path, id);
			}
		}
		for (String key : document.keySet()) {
			// Spring Data's type hint, and the ObjectId of a document in Django storage, whose model maps its id column
			if (!properties.containsKey(key) && !(root && ("_class".equals(key) || "_id".equals(key)))) {
				record(prefix + key, FieldDrift.Kind.UNKNOWN, id, null, null, true);
			}
		}
	}

	private void value(Document schema, @Nullable Object value, String path, @Nullable Object id) {
		Set<String> allowed = types(schema.get("bsonType"));
		String actual = bsonType(value);
		if (!allowed.isEmpty() && !allowed.contains(actual)) {
			record(path, FieldDrift.Kind.TYPE_MISMATCH, id, allowed, actual, true);
			return;
		}
		if (value instanceof Document nested && schema.containsKey("properties")) {
			walk(schema, nested, path + ".", id, false);
		}
		else if (value instanceof List<?> elements && schema.get("items") instanceof Document items) {
			for (Object element : elements) {
				value(items, element, path + "[]", id);
			}
		}
	}

	private void record(String path, FieldDrift.Kind kind, @Nullable Object id, @Nullable Set<String> expected,
			@Nullable String found, boolean drift) {
		String key = kind + " " + path;
		Finding finding = this.findings.computeIfAbsent(key, (k) -> new Finding(path, kind, drift));
		if (expected != null) {
			finding.expected.addAll(expected);
		}
		if (found != null) {
			finding.found.add(found);
		}
		if (this.seenInDocument.add(key)) {
			finding.count++;
			if (finding.ids.size() < IDS && id != null) {
				finding.ids.add(id);
			}
		}
	}

	private static Set<String> types(@Nullable Object bsonType) {
		Set<String> types = new LinkedHashSet<>();
		if (bsonType instanceof String single) {
			types.add(single);
		}
		else if (bsonType instanceof List<?> several) {
			several.forEach((type) -> types.add(String.valueOf(type)));
		}
		return types;
	}

	/** The BSON type name of each Java type the driver decodes a value to. */
	private static final List<Map.Entry<Class<?>, String>> BSON_TYPES = List.of(Map.entry(String.class, "string"),
			Map.entry(Integer.class, "int"), Map.entry(Long.class, "long"), Map.entry(Double.class, "double"),
			Map.entry(Decimal128.class, "decimal"), Map.entry(Boolean.class, "bool"), Map.entry(Date.class, "date"),
			Map.entry(ObjectId.class, "objectId"), Map.entry(Binary.class, "binData"), Map.entry(UUID.class, "binData"),
			Map.entry(Map.class, "object"), Map.entry(List.class, "array"), Map.entry(BsonTimestamp.class, "timestamp"));

	/** The BSON type name of a value as the driver decodes it. */
	static String bsonType(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		for (Map.Entry<Class<?>, String> type : BSON_TYPES) {
			if (type.getKey().isInstance(value)) {
				return type.getValue();
			}
		}
		return value.getClass().getSimpleName();
	}

	private static final class Finding {

		private final String path;

		private final FieldDrift.Kind kind;

		private final boolean drift;

		private final Set<String> expected = new LinkedHashSet<>();

		private final Set<String> found = new TreeSet<>();

		private final List<Object> ids = new ArrayList<>();

		private long count;

		Finding(String path, FieldDrift.Kind kind, boolean drift) {
			this.path = path;
			this.kind = kind;
			this.drift = drift;
		}

		String detail() {
			return (this.kind == FieldDrift.Kind.TYPE_MISMATCH)
					? "expected " + String.join(" or ", this.expected) + ", found " + String.join(", ", this.found)
					: "";
		}

	}

}
