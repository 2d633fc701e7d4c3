package io.djongo.spring.core.model;

/**
 * Whether reading a model's documents checks that they hold every field the model declares: see
 * {@link Model#enforceSchema()}.
 */
public enum EnforceSchema {

	/** As the {@code djongo.enforce-schema} setting says (off unless configured). */
	DEFAULT,

	/** Always: a document lacking a declared field raises a {@code MigrationException}. */
	ENABLED,

	/** Never: missing fields read as {@code null}, or as the field's initial value. */
	DISABLED

}
