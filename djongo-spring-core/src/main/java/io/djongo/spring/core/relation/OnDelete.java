package io.djongo.spring.core.relation;

/**
 * Django's {@code on_delete}: what happens to a model that refers to a deleted one.
 */
public enum OnDelete {

	/** Delete the referring models too, and what refers to them, transitively. */
	CASCADE,

	/** Refuse the deletion with a {@link ProtectedException} listing the referring models; nothing is deleted. */
	PROTECT,

	/**
	 * Refuse the deletion with a {@link RestrictedException}, unless the referring models are deleted by the same
	 * operation through a CASCADE elsewhere.
	 */
	RESTRICT,

	/** Set the reference to null; the field must be nullable (checked at start-up). */
	SET_NULL,

	/** Set the reference to the field's default: its value in a model made with the no-argument constructor. */
	SET_DEFAULT,

	/** Leave the referring models as they are, with a dangling reference. */
	DO_NOTHING

}
