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

	/** Moves the counter up to the highest numeric id of the collection. */
	void resynchronize(String collection);

	/**
	 * The same counters as a Django application on djongo keeps them for a collection it shares: the entry it
	 * reads, created complete when missing, only ever {@code $inc}-ed, int32 while it fits. This sequence itself
	 * where there is no difference.
	 */
	default IdSequence shared(DjangoCounter counter) {
		return this;
	}

}
