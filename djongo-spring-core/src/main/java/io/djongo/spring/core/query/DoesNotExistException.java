package io.djongo.spring.core.query;

import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Django's {@code Model.DoesNotExist}: {@code get()} found no document.
 */
public class DoesNotExistException extends EmptyResultDataAccessException {

	private static final long serialVersionUID = 1L;

	private final Class<?> model;

	public DoesNotExistException(Class<?> model) {
		super(model.getSimpleName() + " matching query does not exist.", 1);
		this.model = model;
	}

	/** The model that was queried. */
	public Class<?> getModel() {
		return this.model;
	}

}
