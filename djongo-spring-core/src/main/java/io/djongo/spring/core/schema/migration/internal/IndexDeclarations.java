package io.djongo.spring.core.schema.migration.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.schema.InvalidIndexException;
import io.djongo.spring.core.schema.ModelIndex;
import io.djongo.spring.core.schema.internal.DjangoIndexes;
import io.djongo.spring.core.schema.internal.DjangoIndexes.DjangoIndex;
import org.bson.Document;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver.IndexDefinitionHolder;

/**
 * The indexes a model declares, checked: Spring Data's annotations as Spring Data's own resolver reads them
 * ({@code @Indexed}, {@code @CompoundIndex}, {@code @TextIndexed}, {@code @GeoSpatialIndexed},
 * {@code @WildcardIndexed}, {@code @HashIndexed}), djongo's {@link ModelIndex}es, and the sparse unique index of each
 * {@code @OneToOne} field; for a model in Django storage, djongo's indexes instead of that one ({@link DjangoIndexes}).
 * <p>
 * A declaration that cannot mean what it says fails with an {@link InvalidIndexException} naming the model and the
 * field: a key or a partial filter naming no field of the model, a TTL on a field that is not a date (or on several
 * fields), a unique index through a list (MongoDB keeps it unique across documents only, never inside one document's
 * list).
 */
final class IndexDeclarations {

	private final ModelRegistry models;

	private final MongoPersistentEntityIndexResolver resolver;

	private final StoredPaths paths;

	IndexDeclarations(ModelRegistry models) {
		this.models = models;
		this.resolver = new MongoPersistentEntityIndexResolver(models.mappingContext());
		this.paths = new StoredPaths(models);
	}

	/** The checked indexes of a model; none for a container. */
	List<DeclaredIndex> of(ModelMetadata model) {
		String collection = model.collection();
		if (collection == null) {
			return List.of();
		}
		Map<String, DeclaredIndex> result = new LinkedHashMap<>();
		for (IndexDefinitionHolder holder : this.resolver.resolveIndexForEntity(model.entity())) {
			String origin = "@" + kind(holder.getIndexDefinition()) + (holder.getPath().isEmpty() ? ""
					: " " + holder.getPath());
			add(result, check(model, collection, holder.getIndexKeys(), holder.getIndexOptions(), origin, false));
		}
		for (ModelIndex index : AnnotatedElementUtils.findMergedRepeatableAnnotations(model.type(), ModelIndex.class)) {
			add(result, modelIndex(model, collection, index));
		}
		if (model.storage() == Storage.DJANGO) {
			// djongo's indexes, named as Django names them (its one-to-one index is unique, not sparse)
			for (DjangoIndex index : DjangoIndexes.of(model)) {
				add(result, new DeclaredIndex(model.type(), index.collection(), index.keys(), index.options(),
						index.origin()));
			}
			return List.copyOf(result.values());
		}
		for (FieldDescriptor field : model.fields().values()) {
			Relation relation = field.relation();
			if (relation != null && relation.kind() == Relation.Kind.ONE_TO_ONE) {
				Document keys = new Document(relation.storedField(), 1);
				add(result, new DeclaredIndex(model.type(), collection, keys,
						new Document("name", defaultName(keys)).append("unique", true).append("sparse", true),
						"@OneToOne " + field.name()));
			}
		}
		return List.copyOf(result.values());
	}

	private static void add(Map<String, DeclaredIndex> indexes, DeclaredIndex index) {
		// the same index declared twice (an @Indexed @OneToOne field) is created once; names are per collection
		indexes.putIfAbsent(index.collection() + '\u0000' + index.name(), index);
	}

	private static String kind(IndexDefinition definition) {
		String simple = definition.getClass().getSimpleName();
		return switch (simple) {
			case "CompoundIndexDefinition" -> "CompoundIndex";
			case "TextIndexDefinition" -> "TextIndexed";
			case "GeospatialIndex" -> "GeoSpatialIndexed";
			case "WildcardIndex" -> "WildcardIndexed";
			case "HashedIndex" -> "HashIndexed";
			default -> "Indexed";
		};
	}

	private DeclaredIndex modelIndex(ModelMetadata model, String collection, ModelIndex index) {
		if (index.fields().length == 0) {
			throw new InvalidIndexException(model.type(), "@ModelIndex", "an index needs at least one field");
		}
		Document keys = new Document();
		for (String declared : index.fields()) {
			boolean descending = declared.startsWith("-");
			String path = descending ? declared.substring(1) : declared;
			List<FieldDescriptor> fields = this.paths.resolve(model, path, true);
			if (fields == null) {
				throw unknownField(model, path, "@ModelIndex", true);
			}
			keys.append(StoredPaths.stored(fields, path), descending ? -1 : 1);
		}
		Document options = new Document("name", index.name().isEmpty() ? defaultName(keys) : index.name());
		if (index.unique()) {
			options.append("unique", true);
		}
		if (index.sparse()) {
			options.append("sparse", true);
		}
		if (!index.partialFilter().isBlank()) {
			options.append("partialFilterExpression",
					filter(model, parse(model, index.partialFilter(), "partialFilter"), true, "@ModelIndex"));
		}
		if (!index.collation().isBlank()) {
			String collation = index.collation().trim();
			options.append("collation", collation.startsWith("{") ? parse(model, collation, "collation")
					: new Document("locale", collation));
		}
		return check(model, collection, keys, options, "@ModelIndex " + String.join(",", index.fields()), true);
	}

	private static Document parse(ModelMetadata model, String json, String attribute) {
		try {
			return Document.parse(json);
		}
		catch (RuntimeException ex) {
			throw new InvalidIndexException(model.type(), "@ModelIndex",
					"the " + attribute + " is not a JSON document: " + json + " (" + ex.getMessage() + ")");
		}
	}

	/** Checks an index and names it as MongoDB would when it has no name. */
	private DeclaredIndex check(ModelMetadata model, String collection, Document keys, Document options,
			String origin, boolean checkedKeys) {
		Document named = new Document(options);
		if (!named.containsKey("name")) {
			named.put("name", defaultName(keys));
		}
		boolean unique = Boolean.TRUE.equals(named.get("unique"));
		for (String key : keys.keySet()) {
			if (isSpecialKey(key)) {
				continue;
			}
			List<FieldDescriptor> fields = this.paths.resolve(model, key, false);
			if (fields == null) {
				if (checkedKeys) {
					continue;
				}
				throw unknownField(model, key, origin, false);
			}
			if (unique) {
				requireNotThroughList(model, key, fields, origin);
			}
			if (named.containsKey("expireAfterSeconds")) {
				requireDate(model, key, keys, fields, origin);
			}
		}
		if (named.get("partialFilterExpression") instanceof Document filter && !checkedKeys) {
			filter(model, filter, false, origin);
		}
		return new DeclaredIndex(model.type(), collection, keys, named, origin);
	}

	private static boolean isSpecialKey(String key) {
		return "_id".equals(key) || "$**".equals(key) || key.endsWith(".$**") || "_fts".equals(key)
				|| "_ftsx".equals(key);
	}

	private static void requireNotThroughList(ModelMetadata model, String key, List<FieldDescriptor> fields,
			String origin) {
		for (FieldDescriptor field : fields) {
			if (field.isMultiValued()) {
				String what = switch (field.kind()) {
					case ARRAY -> "the @ArrayField '" + field.name() + "'";
					case MANY_TO_MANY -> "the many-to-many '" + field.name() + "'";
					default -> "the list '" + field.name() + "'";
				};
				throw new InvalidIndexException(model.type(), javaPath(fields), "the unique index " + origin + " on '"
						+ key + "' goes through " + what + ": MongoDB keeps it unique across documents only, so two"
						+ " elements of one document may still share a value and the declaration cannot hold."
						+ " Index a field outside the list, or check the list's elements with a validator");
			}
		}
	}

	private static void requireDate(ModelMetadata model, String key, Document keys, List<FieldDescriptor> fields,
			String origin) {
		FieldDescriptor last = fields.get(fields.size() - 1);
		if (keys.size() > 1) {
			throw new InvalidIndexException(model.type(), javaPath(fields), "a TTL index (expireAfter) " + origin
					+ " must have exactly one field; this one has " + keys.size() + ": " + keys.keySet());
		}
		Class<?> type = last.valueType();
		if (!(type == java.util.Date.class || type == Instant.class || type == LocalDateTime.class
				|| type == LocalDate.class || type == OffsetDateTime.class || type == ZonedDateTime.class)) {
			throw new InvalidIndexException(model.type(), javaPath(fields), "a TTL index (expireAfter) " + origin
					+ " needs a date field (Instant, Date, LocalDateTime, LocalDate, OffsetDateTime); '" + last.name()
					+ "' is a " + type.getSimpleName() + ", and MongoDB never expires documents by it");
		}
	}

	/**
	 * Checks the fields a partial filter names, and with Java names translates them to stored ones. Operators
	 * ({@code $and}, {@code $or}) are followed; the value of a field is not a field.
	 */
	private Document filter(ModelMetadata model, Document filter, boolean javaNames, String origin) {
		Document result = new Document();
		for (Map.Entry<String, Object> entry : filter.entrySet()) {
			String key = entry.getKey();
			Object value = entry.getValue();
			if (key.startsWith("$")) {
				if (value instanceof List<?> list) {
					List<Object> mapped = new ArrayList<>();
					for (Object element : list) {
						mapped.add((element instanceof Document document) ? filter(model, document, javaNames, origin)
								: element);
					}
					result.put(key, mapped);
				}
				else {
					result.put(key, (value instanceof Document document) ? filter(model, document, javaNames, origin)
							: value);
				}
				continue;
			}
			List<FieldDescriptor> fields = this.paths.resolve(model, key, javaNames);
			if (fields == null) {
				throw new InvalidIndexException(model.type(), key, "the partial filter of " + origin + " names '" + key
						+ "', which is no field of " + model.name() + "; fields are: " + fieldNames(model, javaNames));
			}
			result.put(StoredPaths.stored(fields, key), value);
		}
		return result;
	}

	private static InvalidIndexException unknownField(ModelMetadata model, String key, String origin,
			boolean javaNames) {
		return new InvalidIndexException(model.type(), key, "the index " + origin + " names '" + key
				+ "', which is no field of " + model.name() + "; fields are: " + fieldNames(model, javaNames));
	}

	private static String fieldNames(ModelMetadata model, boolean javaNames) {
		return model.fields().values().stream()
			.map((field) -> javaNames ? field.name() : field.storedName())
			.sorted()
			.collect(Collectors.joining(", "));
	}

	private static String javaPath(List<FieldDescriptor> fields) {
		return fields.stream().map(FieldDescriptor::name).collect(Collectors.joining("."));
	}

	/** MongoDB's name of an index without one: each key and its value, joined with underscores. */
	static String defaultName(Document keys) {
		return keys.entrySet().stream().map((entry) -> entry.getKey() + "_" + entry.getValue())
			.collect(Collectors.joining("_"));
	}

}
