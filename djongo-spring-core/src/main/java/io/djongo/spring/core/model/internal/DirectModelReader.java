package io.djongo.spring.core.model.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.DBRef;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.core.CollectionFactory;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.ConvertingPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiator;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.ParameterValueProvider;
import org.springframework.data.mongodb.core.convert.AbstractMongoConverter;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Reads a document into a model the way Spring Data's {@link MappingMongoConverter} does, but with everything the
 * converter works out per document (the entity, the properties to read, their types) worked out once per model.
 * <p>
 * It reads only what it can read exactly as the converter would: models created through a no-argument constructor
 * whose persistent properties are plain values or collections of plain values, stored under plain names. For any other
 * model (embedded documents, maps, arrays, references, constructor arguments, SpEL, property value converters, a
 * custom reading converter for the whole model), and for any document holding something unexpected (a nested
 * document, a {@link DBRef}, a type hint naming another class, a collection where a single value is declared or the
 * reverse), {@link #read} returns null and the caller uses the converter. Each value goes through the converter's
 * own rules: a custom reading converter when one is registered for its type, else the value itself when it fits,
 * else the enum constant of its name, else the conversion service.
 */
public final class DirectModelReader {

	private static final Plan CONVERTER = new Plan(null, null, new PropertyReader[0], null);

	private final @Nullable MappingMongoConverter converter;

	private final ConversionService conversionService;

	private final CustomConversions customConversions;

	private final EntityInstantiators instantiators;

	private final Map<Class<?>, Plan> plans = new ConcurrentHashMap<>();

	/** The type hint's key when it is Spring Data's default; null when any key may be it. */
	private final @Nullable String typeKey;

	public DirectModelReader(MongoConverter converter) {
		// a subclass may read differently: leave it all to the converter then
		boolean plain = converter.getClass() == MappingMongoConverter.class
				&& converter.getTypeMapper().getClass() == DefaultMongoTypeMapper.class;
		this.converter = plain ? (MappingMongoConverter) converter : null;
		this.typeKey = (plain && converter.getTypeMapper().isTypeKey(DefaultMongoTypeMapper.DEFAULT_TYPE_KEY))
				? DefaultMongoTypeMapper.DEFAULT_TYPE_KEY : null;
		this.conversionService = converter.getConversionService();
		this.customConversions = converter.getCustomConversions();
		this.instantiators = instantiators(converter);
	}

	/**
	 * The document as a model, or null when the converter must read it.
	 */
	public <T> @Nullable T read(Class<T> type, Document document) {
		Plan plan = this.plans.computeIfAbsent(type, this::plan);
		MappingMongoConverter converter = this.converter;
		if (plan.entity == null || converter == null) {
			return null;
		}
		if (this.typeKey != null) {
			Object hint = document.get(this.typeKey);
			if (hint != null && !hint.equals(plan.alias)) {
				return null;
			}
		}
		else {
			for (String key : document.keySet()) {
				if (converter.getTypeMapper().isTypeKey(key) && !Objects.equals(plan.alias, document.get(key))) {
					return null;
				}
			}
		}
		EntityInstantiator instantiator = this.instantiators.getInstantiatorFor(plan.entity);
		@SuppressWarnings("unchecked")
		T instance = (T) instantiator.createInstance(plan.entity, NoParameters.INSTANCE);
		PersistentPropertyAccessor<T> direct = plan.entity.getPropertyAccessor(instance);
		PersistentPropertyAccessor<T> converting = new ConvertingPropertyAccessor<>(direct, this.conversionService);
		if (plan.id != null) {
			Object rawId = document.get(plan.id.name);
			if (rawId != null) {
				Object id = plan.id.read(rawId, this);
				if (id == NOT_READ) {
					return null;
				}
				set(plan.id, id, direct, converting);
			}
		}
		for (PropertyReader property : plan.properties) {
			Object raw = document.get(property.name);
			if (raw == null && !document.containsKey(property.name)) {
				continue;
			}
			Object value = (raw != null) ? property.read(raw, this) : null;
			if (value == NOT_READ) {
				return null;
			}
			set(property, value, direct, converting);
		}
		return converting.getBean();
	}

	/**
	 * Sets a value as the converter does, through a {@link ConvertingPropertyAccessor}; a value that already is of
	 * the property's type (boxed) needs no conversion and goes straight to the property.
	 */
	private static <T> void set(PropertyReader property, @Nullable Object value, PersistentPropertyAccessor<T> direct,
			PersistentPropertyAccessor<T> converting) {
		if (value != null && property.boxedType.isInstance(value)) {
			direct.setProperty(property.property, value);
		}
		else {
			converting.setProperty(property.property, value);
		}
	}

	private Plan plan(Class<?> type) {
		MappingMongoConverter converter = this.converter;
		if (converter == null) {
			return CONVERTER;
		}
		MongoPersistentEntity<?> entity = converter.getMappingContext().getPersistentEntity(type);
		CustomConversions conversions = converter.getCustomConversions();
		if (entity == null || entity.getType() != type || Modifier.isAbstract(type.getModifiers())
				|| conversions.hasCustomReadTarget(Document.class, type) || !entity.requiresPropertyPopulation()
				|| entity.getTypeAlias().isPresent() || entity.getInstanceCreatorMetadata() == null
				|| entity.getInstanceCreatorMetadata().hasParameters()) {
			return CONVERTER;
		}
		PropertyReader id = null;
		List<PropertyReader> properties = new ArrayList<>();
		for (MongoPersistentProperty property : entity) {
			PropertyReader reader = reader(property, conversions);
			if (reader == null) {
				return CONVERTER;
			}
			if (property.isIdProperty()) {
				id = reader;
			}
			else if (property.isReadable()) {
				properties.add(reader);
			}
		}
		return new Plan(entity, id, properties.toArray(new PropertyReader[0]), type.getName());
	}

	private static @Nullable PropertyReader reader(MongoPersistentProperty property, CustomConversions conversions) {
		String name = property.getFieldName();
		if (property.isAssociation() || property.isUnwrapped() || property.isEntity() || property.isMap()
				|| property.isDbReference() || property.isDocumentReference() || property.getType().isArray()
				|| property.getSpelExpression() != null || conversions.hasValueConverter(property) || name.contains(".")
				|| name.startsWith("$")) {
			return null;
		}
		TypeInformation<?> type = property.getTypeInformation();
		if (!property.isCollectionLike()) {
			return conversions.isSimpleType(type.getType()) ? new PropertyReader(property, name, type.getType(), null)
					: null;
		}
		TypeInformation<?> component = type.getComponentType();
		if (!type.isSubTypeOf(Collection.class) || component == null || !conversions.isSimpleType(component.getType())
				|| component.isCollectionLike() || component.isMap() || component.getType().isArray()) {
			return null;
		}
		return new PropertyReader(property, name, type.getType(), component.getType());
	}

	/** Marks a value the converter must read. */
	private static final Object NOT_READ = new Object();

	/**
	 * The converter's reading of one value of a simple type: its {@code getPotentiallyConvertedSimpleRead}.
	 */
	@Nullable Object simple(Object value, Class<?> target) {
		if (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof DBRef) {
			return NOT_READ;
		}
		return converted(value, target);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private @Nullable Object converted(Object value, Class<?> target) {
		if (hasCustomReadTarget(value.getClass(), target)) {
			return this.conversionService.convert(value, target);
		}
		if (ClassUtils.isAssignableValue(target, value)) {
			return value;
		}
		if (Enum.class.isAssignableFrom(target)) {
			return Enum.valueOf((Class<Enum>) target, value.toString());
		}
		return this.conversionService.convert(value, target);
	}

	/**
	 * {@code CustomConversions.hasCustomReadTarget}, remembered per pair of types: the conversions do not change
	 * once the converter is set up, and their own cache costs a lookup through two maps per value.
	 */
	private boolean hasCustomReadTarget(Class<?> source, Class<?> target) {
		Map<Class<?>, Boolean> bySource = this.customReadTargets.get(target);
		if (bySource == null) {
			bySource = this.customReadTargets.computeIfAbsent(target, (key) -> new ConcurrentHashMap<>());
		}
		Boolean custom = bySource.get(source);
		if (custom == null) {
			custom = this.customConversions.hasCustomReadTarget(source, target);
			bySource.put(source, custom);
		}
		return custom;
	}

	private final Map<Class<?>, Map<Class<?>, Boolean>> customReadTargets = new ConcurrentHashMap<>();

	/** The converter's {@code readCollectionOrArray} for a collection of simple values. */
	@Nullable Object collection(Object value, Class<?> collectionType, Class<?> componentType) {
		if (!(value instanceof Collection<?> source) || hasCustomReadTarget(value.getClass(), collectionType)) {
			return NOT_READ;
		}
		Collection<Object> items = CollectionFactory.createCollection(collectionType, componentType, source.size());
		for (Object element : source) {
			if (element == null) {
				items.add(null);
				continue;
			}
			Object item = simple(element, componentType);
			if (item == NOT_READ) {
				return NOT_READ;
			}
			items.add(item);
		}
		return converted(items, collectionType);
	}

	/**
	 * What is worked out once per model.
	 * @param entity the model's entity, null when the converter reads the model
	 * @param id the reader of the id, read first
	 * @param properties the readers of the other properties, in the entity's order
	 * @param alias the type hint naming the model itself
	 */
	private record Plan(@Nullable MongoPersistentEntity<?> entity, @Nullable PropertyReader id,
			PropertyReader[] properties, @Nullable String alias) {
	}

	/**
	 * Reads one property.
	 * @param componentType the element type of a collection, null for a single value
	 */
	private record PropertyReader(MongoPersistentProperty property, String name, Class<?> type,
			@Nullable Class<?> componentType, Class<?> boxedType) {

		PropertyReader(MongoPersistentProperty property, String name, Class<?> type, @Nullable Class<?> componentType) {
			this(property, name, type, componentType, ClassUtils.resolvePrimitiveIfNecessary(property.getType()));
		}

		@Nullable Object read(Object value, DirectModelReader reader) {
			return (this.componentType != null) ? reader.collection(value, this.type, this.componentType)
					: reader.simple(value, this.type);
		}

	}

	/** A creator without parameters gets none. */
	private enum NoParameters implements ParameterValueProvider<MongoPersistentProperty> {

		INSTANCE;

		@Override
		public <T> @Nullable T getParameterValue(
				org.springframework.data.mapping.Parameter<T, MongoPersistentProperty> parameter) {
			return null;
		}

	}

	/** The converter's own instantiators (it has no getter), else Spring Data's default ones. */
	private static EntityInstantiators instantiators(MongoConverter converter) {
		Field field = ReflectionUtils.findField(AbstractMongoConverter.class, "instantiators");
		if (field != null && converter instanceof AbstractMongoConverter) {
			try {
				ReflectionUtils.makeAccessible(field);
				if (field.get(converter) instanceof EntityInstantiators instantiators) {
					return instantiators;
				}
			}
			catch (IllegalAccessException | RuntimeException ex) {
				// fall through to the default
			}
		}
		return new EntityInstantiators();
	}

}
