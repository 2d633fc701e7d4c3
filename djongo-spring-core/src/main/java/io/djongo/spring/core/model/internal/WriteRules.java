package io.djongo.spring.core.model.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.codecs.Encoder;
import org.bson.codecs.configuration.CodecRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Spring Data's {@link MappingMongoConverter} writing rules for plain models ({@code write}, {@code writeInternal},
 * {@code writeProperties}, {@code writeCollectionInternal}, {@code getPotentiallyConvertedSimpleWrite},
 * {@code convertId}), worked out once per model and per value class: what the {@link ModelEncoder} writes by.
 * <p>
 * A model has a {@link WritePlan} only when its persistent properties are plain values or collections of plain
 * values stored under plain names, without explicit target types or property value converters, and no custom
 * converter writes the whole model. Per value: a value of a class that is not simple where a plain value is declared,
 * a collection holding collections or models, an array: {@link #NOT_WRITTEN}, the converter's.
 */
final class WriteRules {

	/** Marks a value, or a model, the converter must write. */
	static final Object NOT_WRITTEN = new Object();

	private static final WritePlan CONVERTER = new WritePlan();

	private final @Nullable MappingMongoConverter converter;

	private final Conversions service;

	private final Map<Class<?>, WritePlan> plans = new ConcurrentHashMap<>();

	private final Map<Class<?>, SimpleWrite> simpleWrites = new ConcurrentHashMap<>();

	private final CodecRegistry registry;

	private final Map<Class<?>, Encoder<Object>> encoders = new ConcurrentHashMap<>();

	/**
	 * @param registry the registry whose codecs encode the written values, as they encode the converter's documents
	 */
	WriteRules(MongoConverter converter, CodecRegistry registry) {
		this.converter = ReadRules.plain(converter);
		this.service = new Conversions(converter.getConversionService());
		this.registry = registry;
	}

	/** The plan of a model; {@link WritePlan#direct()} is false when the converter writes it. */
	WritePlan plan(Class<?> type) {
		WritePlan plan = this.plans.get(type);
		if (plan == null) {
			plan = this.plans.computeIfAbsent(type, this::resolve);
		}
		return plan;
	}

	private WritePlan resolve(Class<?> type) {
		MappingMongoConverter converter = this.converter;
		if (converter == null) {
			return CONVERTER;
		}
		MongoPersistentEntity<?> entity = converter.getMappingContext().getPersistentEntity(type);
		CustomConversions conversions = converter.getCustomConversions();
		if (entity == null || entity.getType() != type || conversions.isSimpleType(type)
				|| Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
				|| conversions.hasCustomWriteTarget(type, Document.class)) {
			return CONVERTER;
		}
		PropertyWriter id = null;
		List<PropertyWriter> properties = new ArrayList<>();
		MongoPersistentProperty idProperty = entity.getIdProperty();
		for (MongoPersistentProperty property : entity) {
			boolean isId = property.equals(idProperty);
			if (!isId && !property.isWritable()) {
				continue;
			}
			PropertyWriter writer = writer(property, conversions);
			if (writer == null) {
				return CONVERTER;
			}
			if (isId) {
				id = writer;
			}
			else {
				properties.add(writer);
			}
		}
		// the type hint the converter adds last: written here as the type mapper writes it
		Document hint = new Document();
		converter.getTypeMapper().writeType(TypeInformation.of(type), hint);
		for (Map.Entry<String, Object> entry : hint.entrySet()) {
			if (!(entry.getValue() instanceof String)
					|| properties.stream().anyMatch((property) -> property.name().equals(entry.getKey()))) {
				return CONVERTER;
			}
		}
		return new WritePlan(entity, id, properties, hint);
	}

	private @Nullable PropertyWriter writer(MongoPersistentProperty property, CustomConversions conversions) {
		String name = property.getFieldName();
		if (property.isAssociation() || property.isUnwrapped() || property.isEntity() || property.isMap()
				|| property.isDbReference() || property.isDocumentReference() || property.getType().isArray()
				|| conversions.hasValueConverter(property) || property.hasExplicitWriteTarget() || name.contains(".")
				|| name.startsWith("$")) {
			return null;
		}
		TypeInformation<?> type = property.getTypeInformation();
		if (!property.isCollectionLike()) {
			Class<?> raw = type.getType();
			return (conversions.isSimpleType(raw) && !Map.class.isAssignableFrom(raw)
					&& !Iterable.class.isAssignableFrom(raw)) ? new PropertyWriter(this, property, name, null) : null;
		}
		TypeInformation<?> component = type.getComponentType();
		if (property.isIdProperty() || !type.isSubTypeOf(Collection.class) || component == null
				|| !conversions.isSimpleType(component.getType()) || component.isCollectionLike() || component.isMap()
				|| component.getType().isArray()) {
			return null;
		}
		return new PropertyWriter(this, property, name, component.getType());
	}

	/** The converter's {@code convertId} of an id about to be written: what the document stores. */
	@Nullable Object id(PropertyWriter property, Object id) {
		MappingMongoConverter converter = this.converter;
		if (property.ids.get(id.getClass()) || converter == null || id instanceof Pattern
				|| id instanceof BsonRegularExpression) {
			// QueryMapper.convertId leaves patterns as they are
			return id;
		}
		return converter.convertId(id, property.fieldType());
	}

	/**
	 * Whether {@code convertId} returns an id of this class unchanged: one of the field's type, or a JDK value of a
	 * simple type that the conversion service cannot convert to it and that is written as it is (a {@code Long}
	 * where the field type is the default {@code ObjectId}).
	 */
	boolean idAsItIs(Class<?> idClass, Class<?> fieldType) {
		if (fieldType.isAssignableFrom(idClass)) {
			return true;
		}
		MappingMongoConverter converter = this.converter;
		if (converter == null || idClass == String.class || !idClass.getName().startsWith("java.")
				|| this.service.canConvert(idClass, fieldType)) {
			return false;
		}
		SimpleWrite write = simpleWrite(idClass);
		Class<?> target = write.target();
		return (target != null) ? this.service.returnsItself(idClass, target)
				: write.simple() && !write.isEnum() && !idClass.isArray();
	}

	/** Whether the converter writes values of a class as simple values. */
	boolean isSimple(Class<?> type) {
		return simpleWrite(type).simple();
	}

	/**
	 * The converter's {@code getPotentiallyConvertedSimpleWrite(value, Object.class)} of a property's value, or
	 * {@link #NOT_WRITTEN} when the value is not of a simple type.
	 */
	@Nullable Object simple(PropertyWriter property, Object value) {
		SimpleWrite write = property.values.get(value.getClass()).simple();
		if (!write.simple()) {
			return NOT_WRITTEN;
		}
		return converted(value, write);
	}

	private @Nullable Object converted(Object value, SimpleWrite write) {
		Class<?> target = write.target();
		if (write.instantAsDate()) {
			try {
				return Date.from((Instant) value);
			}
			catch (IllegalArgumentException ex) {
				// beyond Date's range: the service's own failure, as the converter reports it
				return this.service.convert(value, Date.class);
			}
		}
		if (target != null) {
			return write.convertsToItself() ? value : this.service.convert(value, target);
		}
		if (value.getClass().isArray()) {
			return (value instanceof byte[]) ? value : NOT_WRITTEN;
		}
		return write.isEnum() ? ((Enum<?>) value).name() : value;
	}

	/**
	 * The converter's writing of a collection's element ({@code writeCollectionInternal}): a simple value converted
	 * to the declared element type when the conversion service can, then as a simple value; {@link #NOT_WRITTEN} for
	 * anything else.
	 */
	@Nullable Object element(PropertyWriter property, Object value) {
		ValueWrite write = property.values.get(value.getClass());
		if (!write.simple().simple()) {
			return NOT_WRITTEN;
		}
		Class<?> componentType = property.componentType();
		if (!write.convertToElementType() || componentType == null) {
			return converted(value, write.simple());
		}
		Object element = this.service.convert(value, componentType);
		if (element == null) {
			// the converter fails on it
			return NOT_WRITTEN;
		}
		return converted(element, simpleWrite(element.getClass()));
	}

	/** How a value of a class is written for a property: as a value, or as an element of the given type. */
	ValueWrite valueWrite(Class<?> type, @Nullable Class<?> componentType) {
		boolean convert = componentType != null && componentType != Object.class
				&& resolveElementWrite(type, componentType) == ElementWrite.CONVERT;
		return new ValueWrite(simpleWrite(type), convert);
	}

	/** The registry's encoder of a class, as the {@code Document} codec finds it for a value. */
	@SuppressWarnings("unchecked")
	Encoder<Object> encoder(Class<?> type) {
		Encoder<Object> encoder = this.encoders.get(type);
		if (encoder == null) {
			encoder = (Encoder<Object>) this.registry.get(type);
			this.encoders.put(type, encoder);
		}
		return encoder;
	}

	/**
	 * Whether the conversion service converts an element to the declared type, and whether that conversion is known
	 * to return the element itself: a JDK or BSON value of exactly the declared type, which no custom converter reads
	 * or writes to it (the service converts such a value by no converter at all).
	 */
	private ElementWrite resolveElementWrite(Class<?> type, Class<?> componentType) {
		if (!this.service.canConvert(type, componentType)) {
			return ElementWrite.AS_IT_IS;
		}
		MappingMongoConverter converter = this.converter;
		boolean platform = type.getName().startsWith("java.") || type.getName().startsWith("org.bson.");
		if (converter != null && platform && type == componentType
				&& !converter.getCustomConversions().hasCustomWriteTarget(type, type)
				&& !converter.getCustomConversions().hasCustomReadTarget(type, type)) {
			return ElementWrite.AS_IT_IS;
		}
		return ElementWrite.CONVERT;
	}

	private SimpleWrite simpleWrite(Class<?> type) {
		SimpleWrite write = this.simpleWrites.get(type);
		if (write == null) {
			write = resolveSimpleWrite(type);
			this.simpleWrites.put(type, write);
		}
		return write;
	}

	private SimpleWrite resolveSimpleWrite(Class<?> type) {
		MappingMongoConverter converter = this.converter;
		if (converter == null) {
			return new SimpleWrite(false, null, false, false, false);
		}
		CustomConversions conversions = converter.getCustomConversions();
		Class<?> target = conversions.getCustomWriteTarget(type).orElse(null);
		boolean instantAsDate = type == Instant.class && target == Date.class
				&& this.service.instantToDateIsDateFrom();
		return new SimpleWrite(conversions.isSimpleType(type), target, target != null
				&& this.service.returnsItself(type, target), Enum.class.isAssignableFrom(type), instantAsDate);
	}

	/**
	 * How a value of one class is written.
	 * @param simple whether the converter writes it as a simple value
	 * @param target the type a custom converter writes it as, or null
	 * @param convertsToItself whether that conversion returns the value itself (a {@code Long} as a {@code Number})
	 * @param isEnum whether it is written by its name
	 * @param instantAsDate whether it is an {@code Instant} the service converts as {@code Date.from} does, which is
	 * then called directly
	 */
	record SimpleWrite(boolean simple, @Nullable Class<?> target, boolean convertsToItself, boolean isEnum,
			boolean instantAsDate) {
	}

	/**
	 * How a value of one class is written for a property.
	 * @param simple how it is written as a simple value
	 * @param convertToElementType whether, as an element, it is first converted to the element type
	 */
	record ValueWrite(SimpleWrite simple, boolean convertToElementType) {
	}

	private enum ElementWrite {

		AS_IT_IS, CONVERT

	}

}
