package io.djongo.spring.core.schema.migration.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.Choices;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * MongoDB's {@code $jsonSchema} of a model, from its mapping:
 * <ul>
 * <li>each stored field with its BSON type as djongo stores it ({@code Instant} a {@code date}, {@code BigDecimal} a
 * {@code decimal}, an enum a {@code string}...), and {@code null} among the types where the field may be null;</li>
 * <li>{@code required}: the id, primitives, {@code @NotNull}/{@code @NotBlank}/{@code @NotEmpty} fields,
 * {@code nullable = false} embedded fields, arrays and relations (Spring Data leaves other null fields out);</li>
 * <li>Bean Validation's bounds as {@code minLength}/{@code maxLength}/{@code pattern} (strings),
 * {@code minItems}/{@code maxItems} (lists), {@code minimum}/{@code maximum} (numbers); {@code @Choices} and enums as
 * {@code enum};</li>
 * <li>embedded containers as nested objects, lists as arrays of their elements, recursively (a container inside
 * itself as a plain object); relations as the related model's id type ({@code author_id}), many-to-many as an array
 * of them.</li>
 * </ul>
 * Fields of a type it cannot name (a custom converter's) are left unconstrained. Other fields are allowed, as
 * Spring Data's {@code _class}.
 */
final class JsonSchemaGenerator {

	private final ModelRegistry models;

	JsonSchemaGenerator(ModelRegistry models) {
		this.models = models;
	}

	/** The {@code $jsonSchema} document of a model or container. */
	Document of(Class<?> type) {
		ModelMetadata model = this.models.metadata(type);
		Document schema = object(model, new HashSet<>());
		if (model.storage() == Storage.DJANGO) {
			// Python writes every integer that fits as int32, whatever the Django field: a long may be either
			widenLongs(schema);
		}
		Document titled = new Document("title", model.name());
		titled.putAll(schema);
		return titled;
	}

	private Document object(ModelMetadata model, Set<Class<?>> enclosing) {
		enclosing.add(model.type());
		Document properties = new Document();
		List<String> required = new ArrayList<>();
		for (FieldDescriptor field : model.fields().values()) {
			if (!field.property().isWritable()) {
				continue;
			}
			// the id's stored name: _id, or its column in Django storage
			String name = field.storedName();
			boolean isRequired = isRequired(field);
			properties.put(name, field(field, isRequired, enclosing));
			if (isRequired) {
				required.add(name);
			}
		}
		enclosing.remove(model.type());
		Document result = new Document("bsonType", "object");
		if (!required.isEmpty()) {
			result.put("required", required);
		}
		result.put("properties", properties);
		return result;
	}

	private Document field(FieldDescriptor field, boolean required, Set<Class<?>> enclosing) {
		MongoPersistentProperty property = field.property();
		Document schema = switch (field.kind()) {
			case VALUE -> field.isId() ? idSchema(property) : scalar(field.type(), property);
			case VALUES -> sized(new Document("bsonType", "array").append("items",
					scalar(field.valueType(), null)), property);
			case EMBEDDED -> container(field.valueType(), enclosing);
			case ARRAY -> sized(new Document("bsonType", "array").append("items",
					container(field.valueType(), enclosing)), property);
			case MAP -> new Document("bsonType", "object");
			case FOREIGN_KEY -> idSchema(targetId(field));
			case MANY_TO_MANY -> new Document("bsonType", "array").append("items", idSchema(targetId(field)));
		};
		return required ? schema : nullable(schema);
	}

	/** Every {@code bsonType} that admits {@code long} admits {@code int} too, in nested schemas as well. */
	private static void widenLongs(Document schema) {
		for (Map.Entry<String, Object> entry : schema.entrySet()) {
			Object value = entry.getValue();
			if ("bsonType".equals(entry.getKey())) {
				if ("long".equals(value)) {
					entry.setValue(List.of("int", "long"));
				}
				else if (value instanceof List<?> types && types.contains("long") && !types.contains("int")) {
					List<Object> widened = new ArrayList<>(types);
					widened.add(widened.indexOf("long"), "int");
					entry.setValue(widened);
				}
			}
			else if (value instanceof Document nested) {
				widenLongs(nested);
			}
			else if (value instanceof List<?> list) {
				list.stream().filter(Document.class::isInstance).forEach((item) -> widenLongs((Document) item));
			}
		}
	}

	private Document container(Class<?> type, Set<Class<?>> enclosing) {
		// a container inside itself: its inner levels are plain objects
		return enclosing.contains(type) ? new Document("bsonType", "object")
				: object(this.models.metadata(type), enclosing);
	}

	private MongoPersistentProperty targetId(FieldDescriptor field) {
		Relation relation = field.relation();
		if (relation == null) {
			throw new IllegalStateException(field + " is not a relation");
		}
		return this.models.metadata(relation.target()).requiredId().property();
	}

	/** An id as Spring Data stores it: a {@code String} that is a valid ObjectId is stored as one. */
	private static Document idSchema(MongoPersistentProperty id) {
		Class<?> type = id.getType();
		if (type == String.class && !id.isAnnotationPresent(MongoId.class) && !id.hasExplicitWriteTarget()) {
			return new Document("bsonType", List.of("objectId", "string"));
		}
		if (id.isAnnotationPresent(MongoId.class) && id.getFieldType() == ObjectId.class) {
			return new Document("bsonType", "objectId");
		}
		String bsonType = bsonType(type);
		return (bsonType != null) ? new Document("bsonType", bsonType) : new Document();
	}

	private static Document scalar(Class<?> type, @Nullable MongoPersistentProperty property) {
		String bsonType = bsonType(type);
		Document schema = (bsonType != null) ? new Document("bsonType", bsonType) : new Document();
		if (type.isEnum()) {
			List<Object> names = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				names.add(((Enum<?>) constant).name());
			}
			schema.put("enum", names);
		}
		if (property == null) {
			return schema;
		}
		Choices choices = property.findAnnotation(Choices.class);
		if (choices != null) {
			List<Object> values = new ArrayList<>();
			for (String choice : choices.value()) {
				values.add(choiceValue(choice, type));
			}
			schema.put("enum", values);
		}
		if ("string".equals(bsonType)) {
			Size size = property.findAnnotation(Size.class);
			if (size != null && size.min() > 0) {
				schema.put("minLength", size.min());
			}
			if (property.isAnnotationPresent(NotBlank.class) || property.isAnnotationPresent(NotEmpty.class)) {
				schema.put("minLength", Math.max(1, schema.getInteger("minLength", 0)));
			}
			if (size != null && size.max() < Integer.MAX_VALUE) {
				schema.put("maxLength", size.max());
			}
			Pattern pattern = property.findAnnotation(Pattern.class);
			if (pattern != null) {
				schema.put("pattern", pattern.regexp());
			}
		}
		if (isNumber(bsonType)) {
			bounds(schema, property);
		}
		return schema;
	}

	private static void bounds(Document schema, MongoPersistentProperty property) {
		Min min = property.findAnnotation(Min.class);
		if (min != null) {
			schema.put("minimum", min.value());
		}
		Max max = property.findAnnotation(Max.class);
		if (max != null) {
			schema.put("maximum", max.value());
		}
		DecimalMin decimalMin = property.findAnnotation(DecimalMin.class);
		if (decimalMin != null) {
			schema.put("minimum", number(decimalMin.value()));
			if (!decimalMin.inclusive()) {
				schema.put("exclusiveMinimum", true);
			}
		}
		DecimalMax decimalMax = property.findAnnotation(DecimalMax.class);
		if (decimalMax != null) {
			schema.put("maximum", number(decimalMax.value()));
			if (!decimalMax.inclusive()) {
				schema.put("exclusiveMaximum", true);
			}
		}
		if (property.isAnnotationPresent(Positive.class) || property.isAnnotationPresent(PositiveOrZero.class)) {
			schema.put("minimum", 0);
			if (property.isAnnotationPresent(Positive.class)) {
				schema.put("exclusiveMinimum", true);
			}
		}
		if (property.isAnnotationPresent(Negative.class) || property.isAnnotationPresent(NegativeOrZero.class)) {
			schema.put("maximum", 0);
			if (property.isAnnotationPresent(Negative.class)) {
				schema.put("exclusiveMaximum", true);
			}
		}
	}

	private static Document sized(Document array, MongoPersistentProperty property) {
		Size size = property.findAnnotation(Size.class);
		if (size != null && size.min() > 0) {
			array.put("minItems", size.min());
		}
		ArrayField arrayField = property.findAnnotation(ArrayField.class);
		if (property.isAnnotationPresent(NotEmpty.class) || (arrayField != null && !arrayField.blank())) {
			array.put("minItems", Math.max(1, array.getInteger("minItems", 0)));
		}
		if (size != null && size.max() < Integer.MAX_VALUE) {
			array.put("maxItems", size.max());
		}
		return array;
	}

	/** The same schema where the value may also be null. */
	private static Document nullable(Document schema) {
		Document result = new Document(schema);
		Object type = schema.get("bsonType");
		if (type instanceof String single) {
			result.put("bsonType", List.of(single, "null"));
		}
		else if (type instanceof List<?> several) {
			List<Object> types = new ArrayList<>(several);
			types.add("null");
			result.put("bsonType", types);
		}
		if (schema.get("enum") instanceof List<?> values) {
			List<@Nullable Object> withNull = new ArrayList<>(values);
			withNull.add(null);
			result.put("enum", withNull);
		}
		return result;
	}

	private static boolean isRequired(FieldDescriptor field) {
		MongoPersistentProperty property = field.property();
		if (field.isId() || field.isPrimitive() || property.isAnnotationPresent(NotNull.class)
				|| property.isAnnotationPresent(NotBlank.class) || property.isAnnotationPresent(NotEmpty.class)) {
			return true;
		}
		EmbeddedField embedded = property.findAnnotation(EmbeddedField.class);
		ArrayField array = property.findAnnotation(ArrayField.class);
		Relation relation = field.relation();
		return (embedded != null && !embedded.nullable()) || (array != null && !array.nullable())
				|| (relation != null && !relation.isManyToMany() && !relation.nullable());
	}

	/** The BSON type djongo stores a Java type as, or null when it cannot tell. */
	static @Nullable String bsonType(Class<?> type) {
		if (type == String.class || type == char.class || type == Character.class || type.isEnum()
				|| type == BigInteger.class) {
			return "string";
		}
		if (type == int.class || type == Integer.class || type == short.class || type == Short.class
				|| type == byte.class || type == Byte.class) {
			return "int";
		}
		if (type == long.class || type == Long.class) {
			return "long";
		}
		if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
			return "double";
		}
		if (type == BigDecimal.class || type == Decimal128.class) {
			return "decimal";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "bool";
		}
		if (type == Date.class || type == Instant.class || type == LocalDateTime.class || type == LocalDate.class
				|| type == OffsetDateTime.class || type == ZonedDateTime.class) {
			return "date";
		}
		if (type == UUID.class || type == byte[].class || type == Binary.class) {
			return "binData";
		}
		if (type == ObjectId.class) {
			return "objectId";
		}
		if (Map.class.isAssignableFrom(type) || type == Document.class) {
			return "object";
		}
		return null;
	}

	private static boolean isNumber(@Nullable String bsonType) {
		return "int".equals(bsonType) || "long".equals(bsonType) || "double".equals(bsonType)
				|| "decimal".equals(bsonType);
	}

	private static Object number(String value) {
		BigDecimal decimal = new BigDecimal(value);
		try {
			return decimal.longValueExact();
		}
		catch (ArithmeticException ex) {
			return decimal.doubleValue();
		}
	}

	/** A {@code @Choices} value as the field stores it: {@code "3"} is the number 3 in an int field. */
	private static Object choiceValue(String choice, Class<?> type) {
		String bsonType = bsonType(type);
		try {
			if ("int".equals(bsonType)) {
				return Integer.valueOf(choice);
			}
			if ("long".equals(bsonType)) {
				return Long.valueOf(choice);
			}
			if ("double".equals(bsonType)) {
				return Double.valueOf(choice);
			}
			if ("decimal".equals(bsonType)) {
				return new Decimal128(new BigDecimal(choice));
			}
		}
		catch (NumberFormatException ex) {
			// a choice no value of the field can take: kept as text, so it matches nothing
		}
		return choice;
	}

}
