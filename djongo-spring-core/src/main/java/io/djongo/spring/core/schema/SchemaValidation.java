package io.djongo.spring.core.schema;

import java.util.Locale;

/**
 * Whether the database validates documents against the {@code $jsonSchema} djongo generates from each model
 * ({@code djongo.schema.validation}), and what it does with an invalid one. djongo validates every write itself;
 * this catches what bypasses it (the raw {@code mongo*} calls, other applications, the shell).
 */
public enum SchemaValidation {

	/** No validator is applied; one already on a collection is left as it is. */
	OFF,

	/** MongoDB accepts an invalid document and logs it ({@code validationAction: "warn"}). */
	WARN,

	/** MongoDB refuses an invalid document with error 121 ({@code validationAction: "error"}). */
	ERROR;

	/** MongoDB's {@code validationAction}. */
	public String action() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Which documents MongoDB validates ({@code validationLevel}).
	 */
	public enum Level {

		/** Inserts, and updates of documents that are valid already: existing invalid documents may stay so. */
		MODERATE,

		/** Every insert and update. */
		STRICT;

		/** MongoDB's {@code validationLevel}. */
		public String level() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
