package io.djongo.spring.core.schema;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * An index is declared in a way MongoDB cannot honour, or that would not mean what it says: a TTL on a field that is
 * not a date, a unique index through a list (unique across documents only, never inside one document's list), a key
 * or a partial filter naming a field the model does not have. Raised at start-up, naming the model and the field.
 */
public class InvalidIndexException extends InvalidDataAccessApiUsageException {

	private static final long serialVersionUID = 1L;

	private final String model;

	private final String field;

	public InvalidIndexException(Class<?> model, String field, String problem) {
		super(model.getSimpleName() + "." + field + ": " + problem);
		this.model = model.getName();
		this.field = field;
	}

	/** The fully qualified name of the model declaring the index. */
	public String getModel() {
		return this.model;
	}

	/** The field at fault, as declared. */
	public String getField() {
		return this.field;
	}

}
