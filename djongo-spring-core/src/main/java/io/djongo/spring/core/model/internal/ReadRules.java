package io.djongo.spring.core.model.internal;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.DBRef;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.core.CollectionFactory;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.Parameter;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.ConvertingPropertyAccessor;
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
 * Spring Data's {@link MappingMongoConverter} reading rules for plain models, worked out once per model: what the
 * {@link DirectModelReader} (from a {@link Document}) and the {@link ModelDecoder} (from BSON) share.
 * <p>
 * A model has a {@link ReadPlan} only when it is created through a no-argument constructor and its persistent
 * properties are plain values or collections of plain values, stored under plain names; every other model (embedded
 * documents, maps, arrays, references, constructor arguments, SpEL, property value converters, a custom reading
 * converter for the whole model, a type alias) is the converter's. Each value goes through the converter's own
 * rules ({@code getPotentiallyConvertedSimpleRead}, {@code readCollectionOrArray}): a custom reading converter when
 * one is registered for its type, else the value itself when it fits, else the enum constant of its name, else the
 * conversion service. A value the rules cannot read exactly as the converter would is {@link #NOT_READ}.
 */
final class ReadRules {

	/** Marks a value, or a model, the converter must read. */
	static final Object NOT_READ = new Object();

	private static final ReadPlan CONVERTER = new ReadPlan();

	private final @Nullable MappingMongoConverter converter;

	private final ConversionService conversionService;

	private final Conversions service;

	private final EntityInstantiators instantiators;

	private final Map<Class<?>, ReadPlan> plans = new ConcurrentHashMap<>();

	private final Map<Class<?>, Map<Class<?>, Boolean>> customReadTargets = new ConcurrentHashMap<>();

	/** The type hint's key when it is Spring Data's default; null when any key may be it. */
	private final @Nullable String typeKey;

	ReadRules(MongoConverter converter) {
		this.converter = plain(converter);
		this.typeKey = (this.converter != null
				&& converter.getTypeMapper().isTypeKey(DefaultMongoTypeMapper.DEFAULT_TYPE_KEY))
						? DefaultMongoTypeMapper.DEFAULT_TYPE_KEY : null;
		this.conversionService = converter.getConversionService();
		this.service = new Conversions(this.conversionService);
		this.instantiators = instantiators(converter);
	}

	/** The converter when it is Spring Data's own with its own type mapper; a subclass may read differently. */
	static @Nullable MappingMongoConverter plain(MongoConverter converter) {
		return (converter.getClass() == MappingMongoConverter.class
				&& converter.getTypeMapper().getClass() == DefaultMongoTypeMapper.class)
						? (MappingMongoConverter) converter : null;
	}

	/** The plan of a model; {@link ReadPlan#direct()} is false when the converter reads it. */
	ReadPlan plan(Class<?> type) {
		ReadPlan plan = this.plans.get(type);
		if (plan == null) {
			plan = this.plans.computeIfAbsent(type, this::resolve);
		}
		return plan;
	}

	/** The type hint's key when it is Spring Data's default, null when {@link #isTypeKey} must be asked. */
	@Nullable String typeKey() {
		return this.typeKey;
	}

	/** Whether a key of a document is the type hint's, as the converter's type mapper decides. */
	boolean isTypeKey(String key) {
		String known = this.typeKey;
		if (known != null) {
			return known.equals(key);
		}
		MappingMongoConverter converter = this.converter;
		return converter != null && converter.getTypeMapper().isTypeKey(key);
	}

	/** Whether a type hint lets the plan read the document: absent, or naming the model itself. */
	static boolean acceptsHint(ReadPlan plan, @Nullable Object hint) {
		return hint == null || plan.alias().equals(hint);
	}

	private ReadPlan resolve(Class<?> type) {
		MappingMongoConverter converter = this.converter;
		if (converter == null) {
			return CONVERTER;
		}
		MongoPersistentEntity<?> entity = converter.getMappingContext().getPersistentEntity(type);
		CustomConversions conversions = converter.getCustomConversions();
		if (entity == null || entity.getType() != type || Modifier.isAbstract(type.getModifiers())
				|| Map.class.isAssignableFrom(type) || conversions.hasCustomReadTarget(Document.class, type)
				|| !entity.requiresPropertyPopulation() || entity.getTypeAlias().isPresent()
				|| entity.getInstanceCreatorMetadata() == null || entity.getInstanceCreatorMetadata().hasParameters()) {
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
		return new ReadPlan(entity, id, properties, type.getName(), this.instantiators.getInstantiatorFor(entity));
	}

	private @Nullable PropertyReader reader(MongoPersistentProperty property, CustomConversions conversions) {
		String name = property.getFieldName();
		if (property.isAssociation() || property.isUnwrapped() || property.isEntity() || property.isMap()
				|| property.isDbReference() || property.isDocumentReference() || property.getType().isArray()
				|| property.getSpelExpression() != null || conversions.hasValueConverter(property) || name.contains(".")
				|| name.startsWith("$")) {
			return null;
		}
		TypeInformation<?> type = property.getTypeInformation();
		if (!property.isCollectionLike()) {
			return conversions.isSimpleType(type.getType()) ? new PropertyReader(this, property, name, type.getType(), null)
					: null;
		}
		TypeInformation<?> component = type.getComponentType();
		if (!type.isSubTypeOf(Collection.class) || component == null || !conversions.isSimpleType(component.getType())
				|| component.isCollectionLike() || component.isMap() || component.getType().isArray()) {
			return null;
		}
		return new PropertyReader(this, property, name, type.getType(), component.getType());
	}

	/** A property's value as the converter reads it from a document's value, or {@link #NOT_READ}. */
	@Nullable Object read(PropertyReader property, Object value) {
		return (property.componentType() != null) ? collection(property, value) : simple(property, value);
	}

	/**
	 * The converter's reading of one value of a simple type: its {@code getPotentiallyConvertedSimpleRead}.
	 */
	private @Nullable Object simple(PropertyReader property, Object value) {
		if (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof DBRef) {
			return NOT_READ;
		}
		return converted(value, property.type(), property.values.get(value.getClass()));
	}

	/**
	 * A single value read from BSON by {@link BsonScalars}, never a collection, map or reference, as
	 * {@link #read} reads it: for a collection, {@link #NOT_READ}.
	 */
	@Nullable Object scalar(PropertyReader property, Object value) {
		return (property.componentType() != null) ? NOT_READ
				: converted(value, property.type(), property.values.get(value.getClass()));
	}

	/** An element read from BSON by {@link BsonScalars}, as {@link #element} reads it. */
	@Nullable Object scalarElement(PropertyReader property, Object element) {
		Class<?> componentType = property.componentType();
		return converted(element, (componentType != null) ? componentType : Object.class,
				property.elements.get(element.getClass()));
	}

	/** The converter's {@code readCollectionOrArray} for a collection of simple values. */
	private @Nullable Object collection(PropertyReader property, Object value) {
		if (!(value instanceof Collection<?> source) || property.sources.get(value.getClass()) == ReadStep.CUSTOM) {
			return NOT_READ;
		}
		Collection<@Nullable Object> items = newCollection(property, source.size());
		for (Object element : source) {
			Object item = (element != null) ? element(property, element) : null;
			if (item == NOT_READ) {
				return NOT_READ;
			}
			items.add(item);
		}
		return collected(property, items);
	}

	/** An empty collection of the property's type, as the converter creates it for the elements it reads. */
	Collection<@Nullable Object> newCollection(PropertyReader property, int size) {
		return CollectionFactory.createCollection(property.type(), property.componentType(), size);
	}

	/** Whether the converter reads a list of the given class into the property itself, not by a custom converter. */
	boolean readsList(PropertyReader property, Class<?> listType) {
		return property.sources.get(listType) != ReadStep.CUSTOM;
	}

	/** An element of a collection as the converter reads it, or {@link #NOT_READ}. */
	@Nullable Object element(PropertyReader property, Object element) {
		if (element instanceof Collection<?> || element instanceof Map<?, ?> || element instanceof DBRef) {
			return NOT_READ;
		}
		Class<?> componentType = property.componentType();
		return converted(element, (componentType != null) ? componentType : Object.class,
				property.elements.get(element.getClass()));
	}

	/** The collection of read elements as the property's value. */
	@Nullable Object collected(PropertyReader property, Collection<@Nullable Object> items) {
		return converted(items, property.type(), property.values.get(items.getClass()));
	}

	/** How the converter reads a value of a class as a target type ({@code getPotentiallyConvertedSimpleRead}). */
	ReadStep step(Class<?> source, Class<?> target) {
		if (hasCustomReadTarget(source, target)) {
			return ReadStep.CUSTOM;
		}
		if (ClassUtils.isAssignable(target, source)) {
			return ReadStep.AS_IT_IS;
		}
		return Enum.class.isAssignableFrom(target) ? ReadStep.ENUM : ReadStep.CONVERT;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private @Nullable Object converted(Object value, Class<?> target, ReadStep step) {
		return switch (step) {
			case AS_IT_IS -> value;
			case ENUM -> Enum.valueOf((Class<Enum>) target, value.toString());
			case CUSTOM, CONVERT -> this.service.convert(value, target);
		};
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
			MappingMongoConverter converter = this.converter;
			custom = converter != null && converter.getCustomConversions().hasCustomReadTarget(source, target);
			bySource.put(source, custom);
		}
		return custom;
	}

	/** How the converter reads a value as a type: in this order of precedence. */
	enum ReadStep {

		/** A custom reading converter. */
		CUSTOM,

		/** The value itself: it is of the type. */
		AS_IT_IS,

		/** The enum constant of the value's name. */
		ENUM,

		/** The conversion service. */
		CONVERT

	}

	/**
	 * A new model holding the given values, set as the converter sets them: through a
	 * {@link ConvertingPropertyAccessor}, except values that already are of the property's type (boxed), which go
	 * straight to the property.
	 * @param values per property of {@link ReadPlan#all()}, already read; {@link ReadPlan#ABSENT} for those the
	 * document does not hold, which keep their initial value
	 */
	Object populate(ReadPlan plan, @Nullable Object[] values) {
		MongoPersistentEntity<?> entity = plan.requiredEntity();
		Object instance = plan.requiredInstantiator().createInstance(entity, NoParameters.INSTANCE);
		PropertyReader[] properties = plan.all();
		if (plan.fieldHandles()) {
			for (int i = 0; i < properties.length; i++) {
				Object value = values[i];
				if (value != ReadPlan.ABSENT) {
					set(instance, properties[i], value);
				}
			}
			return instance;
		}
		PersistentPropertyAccessor<Object> direct = entity.getPropertyAccessor(instance);
		PersistentPropertyAccessor<Object> converting = null;
		for (int i = 0; i < properties.length; i++) {
			Object value = values[i];
			if (value == ReadPlan.ABSENT) {
				continue;
			}
			PropertyReader property = properties[i];
			if (value != null && property.boxedType().isInstance(value)) {
				direct.setProperty(property.property(), value);
			}
			else {
				if (converting == null) {
					converting = new ConvertingPropertyAccessor<>(direct, this.conversionService);
				}
				converting.setProperty(property.property(), value);
			}
		}
		return (converting != null) ? converting.getBean() : direct.getBean();
	}

	/**
	 * Sets a field as the {@link ConvertingPropertyAccessor} does: a value not of the property's type converted to
	 * it; a null for a primitive through Spring Data's accessor, which fails on it as the converter does.
	 */
	private void set(Object instance, PropertyReader property, @Nullable Object value) {
		MethodHandle setter = property.setter();
		if (setter == null || (value == null && property.property().getType().isPrimitive())) {
			new ConvertingPropertyAccessor<>(property.property().getOwner().getPropertyAccessor(instance),
					this.conversionService)
				.setProperty(property.property(), value);
			return;
		}
		Object converted = (value == null || property.boxedType().isInstance(value)) ? value
				: this.service.convert(value, property.property().getType());
		FieldHandles.set(setter, instance, converted);
	}

	/** A creator without parameters gets none. */
	private enum NoParameters implements ParameterValueProvider<MongoPersistentProperty> {

		INSTANCE;

		@Override
		public <T> @Nullable T getParameterValue(Parameter<T, MongoPersistentProperty> parameter) {
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
