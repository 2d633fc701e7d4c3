package io.djongo.spring.core.query;

import org.springframework.dao.IncorrectResultSizeDataAccessException;

/**
 * Django's {@code MultipleObjectsReturned}: {@code get()} found more than one document.
 */
public class MultipleObjectsReturnedException extends IncorrectResultSizeDataAccessException {

	private static final long serialVersionUID = 1L;

	private final Class<?> model;

	/**
	 * @param model the model that was queried
	 * @param found how many documents were found, at most {@code limit}
	 * @param limit how many documents were fetched to count them
	 */
	public MultipleObjectsReturnedException(Class<?> model, int found, int limit) {
		super("get() returned more than one " + model.getSimpleName() + " -- it returned "
				+ ((found >= limit) ? "more than " + (limit - 1) : String.valueOf(found)) + "!", 1, found);
		this.model = model;
	}

	/** The model that was queried. */
	public Class<?> getModel() {
		return this.model;
	}

}
