package io.djongo.spring.core.model.internal;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * What is worked out once per model for writing it without the converter: the id, the other writable properties in
 * the entity's order, and the type hint the converter adds last. A plan without entity ({@link #direct()} false)
 * leaves the model to the converter.
 */
final class WritePlan {

	private final @Nullable MongoPersistentEntity<?> entity;

	private final @Nullable PropertyWriter id;

	private final PropertyWriter[] properties;

	private final String[] hintKeys;

	private final String[] hintValues;

	private final boolean fieldHandles;

	/** The plan of a model the converter writes. */
	WritePlan() {
		this.entity = null;
		this.id = null;
		this.properties = new PropertyWriter[0];
		this.hintKeys = new String[0];
		this.hintValues = new String[0];
		this.fieldHandles = false;
	}

	/**
	 * @param hint the type hint as the type mapper writes it, of string values
	 */
	WritePlan(MongoPersistentEntity<?> entity, @Nullable PropertyWriter id, List<PropertyWriter> properties,
			Document hint) {
		this.entity = entity;
		this.id = id;
		this.properties = properties.toArray(new PropertyWriter[0]);
		this.hintKeys = new String[hint.size()];
		this.hintValues = new String[hint.size()];
		int next = 0;
		for (Map.Entry<String, Object> entry : hint.entrySet()) {
			this.hintKeys[next] = entry.getKey();
			this.hintValues[next++] = (String) entry.getValue();
		}
		boolean handles = id == null || id.getter() != null;
		for (PropertyWriter property : this.properties) {
			handles &= property.getter() != null;
		}
		this.fieldHandles = handles;
	}

	boolean direct() {
		return this.entity != null;
	}

	MongoPersistentEntity<?> requiredEntity() {
		MongoPersistentEntity<?> result = this.entity;
		if (result == null) {
			throw new IllegalStateException("The converter writes this model");
		}
		return result;
	}

	/** Whether every property is read through its field's handle, else all through Spring Data's accessor. */
	boolean fieldHandles() {
		return this.fieldHandles;
	}

	@Nullable PropertyWriter id() {
		return this.id;
	}

	PropertyWriter[] properties() {
		return this.properties;
	}

	String[] hintKeys() {
		return this.hintKeys;
	}

	String[] hintValues() {
		return this.hintValues;
	}

}
