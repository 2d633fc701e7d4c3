package io.djongo.spring.core.schema.internal;

/**
 * The auto-increment ids of each collection, as the {@link ModelWriter} uses them: see {@link IdCounters}.
 */
interface IdSequence {

	/**
	 * Reserves {@code count} consecutive ids of a collection.
	 * @return the first of them
	 */
	long reserve(String collection, int count);

	/** Makes sure later ids of the collection are above {@code id}, which was set explicitly. */
	void advancePast(String collection, long id);

	/** Moves the counter up to the highest numeric {@code _id} of the collection. */
	void resynchronize(String collection);

}
