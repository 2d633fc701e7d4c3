package io.djongo.spring.core.model.internal;

import java.lang.invoke.MethodHandle;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ClassUtils;

/**
 * How one property is read, with the converter's decisions for the classes of its values remembered.
 */
final class PropertyReader {

	private final MongoPersistentProperty property;

	private final String name;

	private final Class<?> type;

	private final @Nullable Class<?> componentType;

	private final Class<?> boxedType;

	private final @Nullable MethodHandle setter;

	/** How a value (or, for a collection, the collection read) becomes the property's type. */
	final LastClass<ReadRules.ReadStep> values;

	/** For a collection: how the stored list is read as the property's type; only a custom converter counts. */
	final LastClass<ReadRules.ReadStep> sources;

	/** For a collection: how an element becomes the element type. */
	final LastClass<ReadRules.ReadStep> elements;

	/**
	 * @param name its stored name
	 * @param type its declared type
	 * @param componentType the element type of a collection, null for a single value
	 */
	PropertyReader(ReadRules rules, MongoPersistentProperty property, String name, Class<?> type,
			@Nullable Class<?> componentType) {
		this.property = property;
		this.name = name;
		this.type = type;
		this.componentType = componentType;
		this.boxedType = ClassUtils.resolvePrimitiveIfNecessary(property.getType());
		this.setter = FieldHandles.setter(property);
		this.values = new LastClass<>((source) -> rules.step(source, type));
		this.sources = new LastClass<>((source) -> rules.step(source, type));
		Class<?> elementType = (componentType != null) ? componentType : Object.class;
		this.elements = new LastClass<>((source) -> rules.step(source, elementType));
	}

	MongoPersistentProperty property() {
		return this.property;
	}

	/** Its stored name. */
	String name() {
		return this.name;
	}

	/** Its declared type. */
	Class<?> type() {
		return this.type;
	}

	/** The element type of a collection, null for a single value. */
	@Nullable Class<?> componentType() {
		return this.componentType;
	}

	/** The setter of its field, null where Spring Data's accessor sets it. */
	@Nullable MethodHandle setter() {
		return this.setter;
	}

	/** The declared type, boxed: a value of it is set without conversion. */
	Class<?> boxedType() {
		return this.boxedType;
	}

}
