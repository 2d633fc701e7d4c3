package io.djongo.spring.core.schema.internal;

import java.util.List;

import org.bson.Document;

/**
 * The insert commands of a write, as the template sends them: its write concern, write concern resolver and
 * exception translation. A refused document is a {@code DuplicateKeyException} (or another
 * {@code DataAccessException}) whose cause is the driver's report.
 */
public interface DocumentInserts {

	/**
	 * Inserts one document.
	 * @return its id
	 */
	Object insertOne(String collection, Document document, Class<?> model);

	/**
	 * Inserts documents with one command (the driver splits it at 100,000 documents or 48 MB).
	 * @param documents {@link Document}s, or models the {@link ModelEncoder} converted for an insert, in any mix
	 * @param ordered whether the server stops at the first document it refuses
	 */
	void insertMany(String collection, List<?> documents, Class<?> model, boolean ordered);

}
