package io.djongo.spring.core.schema;

import java.util.List;

import io.djongo.spring.core.model.FieldViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * djongo's {@code enforce_schema}: a document read for a model lacks fields the model declares, so the collection
 * needs a migration. It names the collection, the document's {@code _id} and every missing field, with its path
 * inside embedded documents ({@code blog.tagline}, {@code blogs[1].tagline}).
 * <p>
 * It is a {@link DataRetrievalFailureException}: the document exists but cannot be retrieved as the model the
 * application declares. Retrying does not help; migrating the data, or turning enforcement off, does.
 */
public class MigrationException extends DataRetrievalFailureException {

	private final Class<?> model;

	private final String collection;

	private final @Nullable Object documentId;

	private final List<String> missingFields;

	public MigrationException(Class<?> model, String collection, @Nullable Object documentId,
			List<String> missingFields) {
		super("Document with _id " + FieldViolation.shown(documentId) + " in collection '" + collection
				+ "' lacks fields of model " + model.getSimpleName() + ": " + String.join(", ", missingFields)
				+ ". Migrate the collection (add the fields), or turn enforce-schema off for "
				+ model.getSimpleName() + ".");
		this.model = model;
		this.collection = collection;
		this.documentId = documentId;
		this.missingFields = List.copyOf(missingFields);
	}

	/** The model the document was read for. */
	public Class<?> getModel() {
		return this.model;
	}

	/** The collection holding the document. */
	public String getCollection() {
		return this.collection;
	}

	/** The document's {@code _id}. */
	public @Nullable Object getDocumentId() {
		return this.documentId;
	}

	/** The stored names of the missing fields, with paths into embedded documents. */
	public List<String> getMissingFields() {
		return this.missingFields;
	}

}
