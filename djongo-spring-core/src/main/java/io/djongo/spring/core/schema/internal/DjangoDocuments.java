package io.djongo.spring.core.schema.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.constraints.Digits;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ClassUtils;

/**
 * Gives the document of a model in Django storage the shape djongo 1.3 gives the documents Django writes, after the
 * converter (or any encoder of the same mapping) wrote it:
 * <ul>
 * <li>no {@code _class} type hint;</li>
 * <li>every column present, a null one as {@code null} (Django inserts every column; an embedded model's dictionary
 * holds every field of its container);</li>
 * <li>the id column first after {@code _id}, then the columns in declaration order;</li>
 * <li>every integer that fits as int32, wherever it is (Python writes an {@code int} so, whatever the Django
 * field);</li>
 * <li>a decimal with the decimal places its field declares ({@code @Digits(fraction = 2)}: {@code 4.5} is stored
 * as {@code 4.50}), as Django's {@code DecimalField} formats it.</li>
 * </ul>
 * What each class needs is worked out once.
 */
public final class DjangoDocuments {

	private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext;

	private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

	/** The shapes of containers inside the documents of models, apart: a container is no model of its own. */
	private final Map<Class<?>, Shape> containers = new ConcurrentHashMap<>();

	public DjangoDocuments(MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		this.mappingContext = mappingContext;
	}

	/** Whether a class is a model stored as Django stores it, whose documents get its shape. */
	public boolean shapes(Class<?> type) {
		return shape(type) != Shape.NONE;
	}

	/** Shapes the document of a model, in place; any other document is left as it is. */
	public void shape(Class<?> type, Document document) {
		Shape shape = shape(type);
		if (shape != Shape.NONE) {
			shape.apply(document, this, true);
		}
	}

	private Shape shape(Class<?> type) {
		Shape shape = this.shapes.get(type);
		if (shape == null) {
			shape = this.shapes.computeIfAbsent(type, (key) -> create(key, true));
		}
		return shape;
	}

	private Shape create(Class<?> type, boolean root) {
		if (ClassUtils.isPrimitiveOrWrapper(type) || type.getName().startsWith("java.")
				|| Document.class.isAssignableFrom(type)) {
			return Shape.NONE;
		}
		MongoPersistentEntity<?> entity = this.mappingContext.getPersistentEntity(type);
		if (entity == null || (root && !DjangoSchema.isDjango(type, this.mappingContext))) {
			return Shape.NONE;
		}
		MongoPersistentProperty id = entity.getIdProperty();
		List<Column> columns = new ArrayList<>();
		// declaration order, relations among the other columns, as Django inserts a model's fields
		for (MongoPersistentProperty property : entity) {
			if (!property.isIdProperty() && property.isWritable()) {
				columns.add(property.isAssociation() ? new Column(property.getFieldName(), null, -1) : column(property));
			}
		}
		return new Shape((id != null) ? id.getFieldName() : null, List.copyOf(columns));
	}

	private static Column column(MongoPersistentProperty property) {
		Class<?> embedded = (property.isEntity() && !property.isMap())
				? property.getTypeInformation().getRequiredActualType().getType() : null;
		Digits digits = property.findAnnotation(Digits.class);
		int places = (digits != null && property.getActualType() == BigDecimal.class) ? digits.fraction() : -1;
		return new Column(property.getFieldName(), embedded, places);
	}

	/** The container's shape (nulls, decimals) inside an embedded document. */
	private Shape embedded(Class<?> type) {
		return this.containers.computeIfAbsent(type, (key) -> create(key, false));
	}

	/**
	 * @param name the stored name
	 * @param embedded the container class of an embedded document or array of them, else null
	 * @param places the declared decimal places of a decimal, else -1
	 */
	private record Column(String name, @Nullable Class<?> embedded, int places) {
	}

	/**
	 * @param id the stored name of the id, or null for a container
	 * @param columns the other columns, in declaration order
	 */
	private record Shape(@Nullable String id, List<Column> columns) {

		static final Shape NONE = new Shape(null, List.of());

		/** @param root whether the document is the model's: a nested one keeps a type hint it needs to be read */
		void apply(Document document, DjangoDocuments shapes, boolean root) {
			Map<String, @Nullable Object> ordered = new LinkedHashMap<>();
			if (document.containsKey("_id")) {
				ordered.put("_id", document.get("_id"));
			}
			if (this.id != null && document.containsKey(this.id)) {
				ordered.put(this.id, int32(document.get(this.id)));
			}
			for (Column column : this.columns) {
				Object value = int32(document.get(column.name()));
				if (value instanceof Decimal128 decimal && column.places() >= 0) {
					value = scaled(decimal, column.places());
				}
				Class<?> embedded = column.embedded();
				if (embedded != null) {
					Shape inner = shapes.embedded(embedded);
					if (value instanceof Document nested) {
						inner.apply(nested, shapes, false);
					}
					else if (value instanceof List<?> elements) {
						for (Object element : elements) {
							if (element instanceof Document nested) {
								inner.apply(nested, shapes, false);
							}
						}
					}
				}
				ordered.put(column.name(), value);
			}
			for (Map.Entry<String, Object> entry : document.entrySet()) {
				if (!ordered.containsKey(entry.getKey()) && !(root && "_class".equals(entry.getKey()))) {
					ordered.put(entry.getKey(), int32(entry.getValue()));
				}
			}
			document.clear();
			document.putAll(ordered);
		}

	}

	/** Integers as Python writes them: int32 while they fit, in nested documents and arrays too. */
	static @Nullable Object int32(@Nullable Object value) {
		if (value instanceof Long number) {
			return IdCounters.pythonInt(number);
		}
		if (value instanceof Document nested) {
			for (Map.Entry<String, Object> entry : nested.entrySet()) {
				entry.setValue(int32(entry.getValue()));
			}
			return nested;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> converted = new ArrayList<>(list.size());
			for (Object element : list) {
				converted.add(int32(element));
			}
			return converted;
		}
		return value;
	}

	/** Django's {@code format_number}: the declared decimal places, rounded half to even when there are more. */
	private static Decimal128 scaled(Decimal128 decimal, int places) {
		if (decimal.isNaN() || decimal.isInfinite()) {
			return decimal;
		}
		BigDecimal value = decimal.bigDecimalValue();
		return (value.scale() == places) ? decimal : new Decimal128(value.setScale(places, RoundingMode.HALF_EVEN));
	}

}
