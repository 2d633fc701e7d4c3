package io.djongo.spring.core.model.internal;

import java.lang.invoke.MethodHandle;

import org.bson.codecs.Encoder;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * How one property is written, with the converter's decisions and the registry's encoders for the classes of its
 * values remembered.
 */
final class PropertyWriter {

	private final MongoPersistentProperty property;

	private final String name;

	private final @Nullable Class<?> componentType;

	private final boolean writeNull;

	private final Class<?> fieldType;

	private final @Nullable MethodHandle getter;

	/** How a value of a class is written (a collection's elements, for a collection). */
	final LastClass<WriteRules.ValueWrite> values;

	/** The encoder of a written value's class (a collection's written elements', for a collection). */
	final LastClass<Encoder<Object>> encoders;

	/** For the id: whether the converter writes an id of a class as it is. */
	final LastClass<Boolean> ids;

	/**
	 * @param name its stored name
	 * @param componentType the element type of a collection, null for a single value
	 */
	PropertyWriter(WriteRules rules, MongoPersistentProperty property, String name, @Nullable Class<?> componentType) {
		this.property = property;
		this.name = name;
		this.componentType = componentType;
		this.writeNull = property.writeNullValues();
		this.fieldType = property.getFieldType();
		this.getter = FieldHandles.getter(property);
		this.values = new LastClass<>((type) -> rules.valueWrite(type, componentType));
		this.encoders = new LastClass<>(rules::encoder);
		Class<?> idType = this.fieldType;
		this.ids = new LastClass<>((type) -> rules.idAsItIs(type, idType));
	}

	MongoPersistentProperty property() {
		return this.property;
	}

	/** Its stored name. */
	String name() {
		return this.name;
	}

	/** The element type of a collection, null for a single value. */
	@Nullable Class<?> componentType() {
		return this.componentType;
	}

	/** Whether a null value is written ({@code @Field(write = ALWAYS)}) rather than left out. */
	boolean writeNull() {
		return this.writeNull;
	}

	/** The getter of its field, null where Spring Data's accessor reads it. */
	@Nullable MethodHandle getter() {
		return this.getter;
	}

	/** The type the converter converts an id to. */
	Class<?> fieldType() {
		return this.fieldType;
	}

}
