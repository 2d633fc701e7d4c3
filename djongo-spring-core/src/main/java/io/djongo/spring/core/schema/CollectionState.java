package io.djongo.spring.core.schema;

/**
 * How the database holds the collection a model declares options for (a capped collection,
 * {@code @Model(capped = true)}).
 *
 * @param model the model's simple name
 * @param collection its collection
 * @param status what was found or done
 * @param detail the difference, or why it was not created; empty when there is nothing to say
 */
public record CollectionState(String model, String collection, Status status, String detail) {

	/** What was found or done. */
	public enum Status {

		/** The database holds it as declared. */
		PRESENT,

		/** djongo created it at this start (or migration). */
		CREATED,

		/** The database lacks it (verify mode, or the user may not create collections). */
		MISSING,

		/** The collection exists with other options (not capped, another size); it was left as it is. */
		DIFFERENT,

		/** The embedded server cannot create capped collections: not created there. */
		UNSUPPORTED

	}

	/** Whether the database holds the collection as declared (or djongo just created it). */
	public boolean isInPlace() {
		return this.status == Status.PRESENT || this.status == Status.CREATED;
	}

	@Override
	public String toString() {
		return this.model + " collection '" + this.collection + "': " + this.status
				+ (this.detail.isEmpty() ? "" : " (" + this.detail + ")");
	}

}
