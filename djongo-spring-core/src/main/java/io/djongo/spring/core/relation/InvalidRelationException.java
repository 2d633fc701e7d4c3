package io.djongo.spring.core.relation;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A relation is declared in a way its {@link OnDelete} rule cannot honour, such as {@code SET_NULL} on a field that
 * cannot be null (Django's system checks {@code fields.E320} and {@code fields.E321}). Raised at start-up, and before
 * anything is written when a deletion reaches the relation.
 */
public class InvalidRelationException extends InvalidDataAccessApiUsageException {

	private static final long serialVersionUID = 1L;

	private final String model;

	private final String field;

	public InvalidRelationException(Class<?> model, String field, String problem) {
		super(model.getSimpleName() + "." + field + ": " + problem);
		this.model = model.getName();
		this.field = field;
	}

	/** The fully qualified name of the model declaring the relation. */
	public String getModel() {
		return this.model;
	}

	/** The Java name of the relation field. */
	public String getField() {
		return this.field;
	}

}
