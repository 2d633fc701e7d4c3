package io.djongo.spring.core.relation;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Django's {@code ProtectedError}: a deletion was refused because models refer to what was to be deleted through
 * a {@link OnDelete#PROTECT} relation. Nothing was deleted.
 */
public class ProtectedException extends DataIntegrityViolationException {

	private static final long serialVersionUID = 1L;

	private final transient List<Object> protectedObjects;

	public ProtectedException(String message, List<?> protectedObjects) {
		super(message);
		this.protectedObjects = List.copyOf(protectedObjects);
	}

	/** The referring models that protect the deletion. */
	public List<Object> getProtectedObjects() {
		return this.protectedObjects;
	}

}
