package io.djongo.spring.core.model;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * One field of a model or container: its Java name, the name it is stored under, its type and what kind of value
 * it holds.
 */
public final class FieldDescriptor {

	/**
	 * What a field holds, as far as lookups are concerned.
	 */
	public enum Kind {

		/** A single scalar value: string, number, date, enum, ObjectId... */
		VALUE,

		/** A list or set of scalars; lookups match any element. */
		VALUES,

		/** One embedded document described by a container class. */
		EMBEDDED,

		/** A list of embedded documents described by a container class; lookups match any element. */
		ARRAY,

		/** A {@code Map<String, ?>}: the next lookup part names a key. */
		MAP,

		/** A {@code @ForeignKey} or {@code @OneToOne}: the stored id of one document of another model. */
		FOREIGN_KEY,

		/** A {@code @ManyToMany}: the stored ids of documents of another model. */
		MANY_TO_MANY

	}

	private final String name;

	private final String storedName;

	private final Class<?> type;

	private final Class<?> valueType;

	private final Kind kind;

	private final boolean id;

	private final MongoPersistentProperty property;

	private final @Nullable Relation relation;

	FieldDescriptor(MongoPersistentProperty property, Kind kind, @Nullable Relation relation) {
		this.property = property;
		this.relation = relation;
		this.name = property.getName();
		this.storedName = property.getFieldName();
		this.type = property.getType();
		this.valueType = property.getActualType();
		this.kind = kind;
		this.id = property.isIdProperty();
	}

	/** The Java property name, used in lookups. */
	public String name() {
		return this.name;
	}

	/** The name of the field in the stored document. */
	public String storedName() {
		return this.storedName;
	}

	/** The declared Java type. */
	public Class<?> type() {
		return this.type;
	}

	/** The type of one value: the element type of lists and sets, the value type of maps, else the declared type. */
	public Class<?> valueType() {
		return this.valueType;
	}

	/** What the field holds. */
	public Kind kind() {
		return this.kind;
	}

	/** Whether this is the model's id ({@code _id}, or its column in Django storage). */
	public boolean isId() {
		return this.id;
	}

	/** Whether a lookup through this field can match any of several values. */
	public boolean isMultiValued() {
		return this.kind == Kind.VALUES || this.kind == Kind.ARRAY || this.kind == Kind.MANY_TO_MANY;
	}

	/** The relation this field declares, or null. */
	public @Nullable Relation relation() {
		return this.relation;
	}

	/** Whether the field is a Java primitive, which can never hold null. */
	public boolean isPrimitive() {
		return this.type.isPrimitive();
	}

	/** The Spring Data property behind this field. */
	public MongoPersistentProperty property() {
		return this.property;
	}

	/** The container class of an embedded or array field, else null. */
	public @Nullable Class<?> containerType() {
		return (this.kind == Kind.EMBEDDED || this.kind == Kind.ARRAY) ? this.valueType : null;
	}

	@Override
	public String toString() {
		return this.name + " (" + this.kind.name().toLowerCase(java.util.Locale.ROOT) + " " + this.valueType.getSimpleName() + ")";
	}

}
