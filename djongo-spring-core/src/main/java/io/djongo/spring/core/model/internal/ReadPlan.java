package io.djongo.spring.core.model.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.model.EntityInstantiator;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * What is worked out once per model for reading it without the converter: its properties, stored names and types,
 * the id first. A plan without entity ({@link #direct()} false) leaves the model to the converter.
 */
final class ReadPlan {

	/** The value of a property the document does not hold: the model keeps its initial value. */
	static final Object ABSENT = new Object();

	private final @Nullable MongoPersistentEntity<?> entity;

	private final boolean hasId;

	private final PropertyReader[] all;

	private final String[] names;

	private final Map<String, Integer> indexes;

	private final String alias;

	private final @Nullable EntityInstantiator instantiator;

	private final boolean fieldHandles;

	/** The plan of a model the converter reads. */
	ReadPlan() {
		this.entity = null;
		this.hasId = false;
		this.all = new PropertyReader[0];
		this.names = new String[0];
		this.indexes = Map.of();
		this.alias = "";
		this.instantiator = null;
		this.fieldHandles = false;
	}

	/**
	 * @param id the reader of the id, read first
	 * @param properties the readers of the other properties, in the entity's order
	 * @param alias the type hint naming the model itself
	 */
	ReadPlan(MongoPersistentEntity<?> entity, @Nullable PropertyReader id, List<PropertyReader> properties,
			String alias, EntityInstantiator instantiator) {
		this.entity = entity;
		this.hasId = id != null;
		this.all = new PropertyReader[properties.size() + (this.hasId ? 1 : 0)];
		int next = 0;
		if (id != null) {
			this.all[next++] = id;
		}
		for (PropertyReader property : properties) {
			this.all[next++] = property;
		}
		this.names = new String[this.all.length];
		this.indexes = new HashMap<>();
		for (int i = 0; i < this.all.length; i++) {
			this.names[i] = this.all[i].name();
			this.indexes.putIfAbsent(this.names[i], i);
		}
		this.alias = alias;
		this.instantiator = instantiator;
		boolean handles = true;
		for (PropertyReader property : this.all) {
			handles &= property.setter() != null;
		}
		this.fieldHandles = handles;
	}

	boolean direct() {
		return this.entity != null;
	}

	MongoPersistentEntity<?> requiredEntity() {
		MongoPersistentEntity<?> result = this.entity;
		if (result == null) {
			throw new IllegalStateException("The converter reads this model");
		}
		return result;
	}

	EntityInstantiator requiredInstantiator() {
		EntityInstantiator result = this.instantiator;
		if (result == null) {
			throw new IllegalStateException("The converter reads this model");
		}
		return result;
	}

	/**
	 * Whether every property is set through its field's handle; else all go through Spring Data's accessor, which
	 * may replace the model (withers).
	 */
	boolean fieldHandles() {
		return this.fieldHandles;
	}

	/** Whether {@link #all()} starts with the id. */
	boolean hasId() {
		return this.hasId;
	}

	/** The id's reader, if any, then the other properties' in the entity's order. */
	PropertyReader[] all() {
		return this.all;
	}

	/** The stored name of each of {@link #all()}. */
	String[] names() {
		return this.names;
	}

	/** The position in {@link #all()} of the property stored under a name, -1 for none. */
	int indexOf(String name) {
		Integer index = this.indexes.get(name);
		return (index != null) ? index : -1;
	}

	/** The type hint naming the model itself. */
	String alias() {
		return this.alias;
	}

}
