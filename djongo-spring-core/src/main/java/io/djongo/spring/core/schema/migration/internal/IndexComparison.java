package io.djongo.spring.core.schema.migration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Compares a declared index with the ones {@code listIndexes} returns. An index is found by its name, else by what
 * MongoDB identifies it by (keys, collation, partial filter; a text index is the collection's one text index); then each declared option is compared with the stored one, MongoDB's defaults
 * taken into account ({@code unique: false}, a text index's {@code english}, the parts of a collation that were not
 * declared) and numbers compared by value ({@code 1}, {@code 1L} and {@code 1.0} are one key direction).
 */
final class IndexComparison {

	private IndexComparison() {
	}

	/**
	 * The stored index that stands for the declared one, or null when there is none: the one of its name, else one
	 * MongoDB would take for the same index (same keys, collation locale and partial filter: creating the declared
	 * one would conflict with it).
	 */
	static @Nullable Document match(DeclaredIndex declared, List<Document> existing) {
		for (Document index : existing) {
			if (declared.name().equals(index.getString("name"))) {
				return index;
			}
		}
		for (Document index : existing) {
			if (sameKeys(declared, index) && sameIdentity(declared, index)) {
				return index;
			}
		}
		if (declared.isText()) {
			// a collection has at most one text index
			for (Document index : existing) {
				if (index.get("key") instanceof Document keys && isText(keys)) {
					return index;
				}
			}
		}
		return null;
	}

	private static boolean sameIdentity(DeclaredIndex declared, Document stored) {
		Object declaredLocale = (declared.options().get("collation") instanceof Document collation)
				? collation.get("locale") : null;
		Object storedLocale = (stored.get("collation") instanceof Document collation) ? collation.get("locale") : null;
		return same(locale(declaredLocale), locale(storedLocale))
				&& same(declared.options().get("partialFilterExpression"), stored.get("partialFilterExpression"));
	}

	private static Object locale(@Nullable Object locale) {
		return (locale != null) ? locale : "simple";
	}

	/** How a stored index differs from the declared one, as {@code "unique: declared true, stored false"}; empty when not. */
	static String difference(DeclaredIndex declared, Document stored) {
		List<String> differences = new ArrayList<>();
		if (!declared.name().equals(stored.getString("name"))) {
			differences.add("name: declared '" + declared.name() + "', stored '" + stored.getString("name") + "'");
		}
		if (!sameKeys(declared, stored)) {
			differences.add("keys: declared " + declared.keys().toJson() + ", stored "
					+ stored.get("key", Document.class).toJson());
			return String.join("; ", differences);
		}
		compare(differences, "unique", declared.options().get("unique"), stored.get("unique"), false);
		compare(differences, "sparse", declared.options().get("sparse"), stored.get("sparse"), false);
		compare(differences, "expireAfterSeconds", declared.options().get("expireAfterSeconds"),
				stored.get("expireAfterSeconds"), null);
		compare(differences, "partialFilterExpression", declared.options().get("partialFilterExpression"),
				stored.get("partialFilterExpression"), null);
		compare(differences, "wildcardProjection", declared.options().get("wildcardProjection"),
				stored.get("wildcardProjection"), null);
		Object collation = declared.options().get("collation");
		if (collation instanceof Document wanted) {
			Document has = stored.get("collation", Document.class);
			for (Map.Entry<String, Object> part : wanted.entrySet()) {
				Object value = (has != null) ? has.get(part.getKey()) : null;
				if (!same(part.getValue(), value)) {
					differences.add("collation." + part.getKey() + ": declared " + shown(part.getValue()) + ", stored "
							+ shown(value));
				}
			}
		}
		else if (stored.get("collation") instanceof Document has && !"simple".equals(has.get("locale"))) {
			differences.add("collation: declared none, stored " + has.toJson());
		}
		if (declared.isText()) {
			compare(differences, "default_language", declared.options().get("default_language"),
					stored.get("default_language"), "english");
			Map<String, Object> weights = textWeights(declared.keys(), declared.options());
			Document storedWeights = stored.get("weights", Document.class);
			if (storedWeights != null && !same(weights, storedWeights)) {
				differences.add("weights: declared " + shown(weights) + ", stored " + storedWeights.toJson());
			}
		}
		return String.join("; ", differences);
	}

	private static void compare(List<String> differences, String option, @Nullable Object declared,
			@Nullable Object stored, @Nullable Object absent) {
		Object wanted = (declared != null) ? declared : absent;
		Object has = (stored != null) ? stored : absent;
		if (!same(wanted, has)) {
			differences.add(option + ": declared " + shown(wanted) + ", stored " + shown(has));
		}
	}

	private static boolean sameKeys(DeclaredIndex declared, Document stored) {
		Document keys = stored.get("key", Document.class);
		if (keys == null) {
			return false;
		}
		if (declared.isText()) {
			return isText(keys) && textFields(declared.keys()).equals(storedTextFields(keys, stored));
		}
		return same(declared.keys(), keys) && List.copyOf(declared.keys().keySet()).equals(List.copyOf(keys.keySet()));
	}

	private static boolean isText(Document keys) {
		return keys.containsKey("_fts") || keys.containsValue("text");
	}

	private static Set<String> textFields(Document keys) {
		Set<String> fields = new LinkedHashSet<>();
		keys.forEach((key, value) -> {
			if ("text".equals(value)) {
				fields.add(key);
			}
		});
		return fields;
	}

	/** MongoDB stores a text index as {@code {_fts: "text", _ftsx: 1}} with its fields as weights. */
	private static Set<String> storedTextFields(Document keys, Document stored) {
		Document weights = stored.get("weights", Document.class);
		return (weights != null) ? new LinkedHashSet<>(weights.keySet()) : textFields(keys);
	}

	private static Map<String, Object> textWeights(Document keys, Document options) {
		Document declared = options.get("weights", Document.class);
		Map<String, Object> weights = new LinkedHashMap<>();
		for (String field : textFields(keys)) {
			weights.put(field, (declared != null && declared.get(field) != null) ? declared.get(field) : 1);
		}
		return weights;
	}

	/** Equality with numbers by value, documents and lists element by element. */
	static boolean same(@Nullable Object a, @Nullable Object b) {
		if (a instanceof Number x && b instanceof Number y) {
			return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
		}
		if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
			if (x.size() != y.size()) {
				return false;
			}
			for (Map.Entry<?, ?> entry : x.entrySet()) {
				if (!y.containsKey(entry.getKey()) || !same(entry.getValue(), y.get(entry.getKey()))) {
					return false;
				}
			}
			return true;
		}
		if (a instanceof List<?> x && b instanceof List<?> y) {
			if (x.size() != y.size()) {
				return false;
			}
			for (int i = 0; i < x.size(); i++) {
				if (!same(x.get(i), y.get(i))) {
					return false;
				}
			}
			return true;
		}
		return Objects.equals(a, b);
	}

	private static String shown(@Nullable Object value) {
		if (value instanceof Document document) {
			return document.toJson();
		}
		if (value instanceof Map<?, ?> map) {
			return new Document(toStringKeys(map)).toJson();
		}
		return (value instanceof String) ? "'" + value + "'" : String.valueOf(value);
	}

	private static Map<String, Object> toStringKeys(Map<?, ?> map) {
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, value) -> result.put(String.valueOf(key), value));
		return result;
	}

}
