package io.djongo.spring.core.relation;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Django's {@code RestrictedError}: a deletion was refused because models refer to what was to be deleted through a
 * {@link OnDelete#RESTRICT} relation and are not deleted themselves by a cascade. Nothing was deleted.
 */
public class RestrictedException extends DataIntegrityViolationException {

	private static final long serialVersionUID = 1L;

	private final transient List<Object> restrictedObjects;

	public RestrictedException(String message, List<?> restrictedObjects) {
		super(message);
		this.restrictedObjects = List.copyOf(restrictedObjects);
	}

	/** The referring models that restrict the deletion. */
	public List<Object> getRestrictedObjects() {
		return this.restrictedObjects;
	}

}
