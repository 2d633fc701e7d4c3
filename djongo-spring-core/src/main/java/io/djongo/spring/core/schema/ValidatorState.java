package io.djongo.spring.core.schema;

import java.util.List;

/**
 * What djongo did with the validator of one model's collection.
 *
 * @param model the model's simple name
 * @param collection its collection
 * @param status what was done
 * @param changes the difference from the validator the collection had, one line per changed path
 * ({@code ~ properties.title.maxLength: 100 -> 255}); empty when created or unchanged
 */
public record ValidatorState(String model, String collection, Status status, List<String> changes) {

	/** What was done. */
	public enum Status {

		/** The collection was created with the validator. */
		CREATED,

		/** The collection's validator, level or action changed ({@code collMod}). */
		MODIFIED,

		/** The collection already had it. */
		UNCHANGED,

		/** Not applied: the embedded server does not enforce validators, or the user may not change them. */
		SKIPPED

	}

}
