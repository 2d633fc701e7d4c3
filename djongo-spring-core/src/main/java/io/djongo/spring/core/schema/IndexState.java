package io.djongo.spring.core.schema;

import java.util.Map;

import org.bson.Document;

/**
 * One index a model declares, and how the database holds it.
 *
 * @param model the model's simple name
 * @param collection its collection
 * @param name the index name
 * @param keys the key pattern, as stored names with {@code 1}, {@code -1}, {@code "text"}, {@code "2dsphere"}...
 * @param status what was found or done
 * @param detail the difference, or why it was not created; empty when there is nothing to say
 */
public record IndexState(String model, String collection, String name, Map<String, Object> keys, Status status,
		String detail) {

	/** What was found or done. */
	public enum Status {

		/** The database holds it as declared. */
		PRESENT,

		/** djongo created it at this start. */
		CREATED,

		/** The database lacks it (verify mode, or the user may not create indexes). */
		MISSING,

		/** The database holds an index of these keys (or this name) with other options; it was left as it is. */
		DIFFERENT,

		/** The embedded server cannot serve it (TTL, text, geo, wildcard, partial filter): not created there. */
		UNSUPPORTED

	}

	/** Whether the database holds the index as declared (or djongo just created it). */
	public boolean isInPlace() {
		return this.status == Status.PRESENT || this.status == Status.CREATED;
	}

	@Override
	public String toString() {
		return this.model + " index '" + this.name + "' " + new Document(this.keys).toJson() + " on '" + this.collection + "': " + this.status
				+ (this.detail.isEmpty() ? "" : " (" + this.detail + ")");
	}

}
