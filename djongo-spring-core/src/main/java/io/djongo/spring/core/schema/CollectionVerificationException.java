package io.djongo.spring.core.schema;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.dao.NonTransientDataAccessResourceException;

/**
 * {@code djongo.indexes: verify} found collections that the database lacks or holds with other options than the
 * models declare (a capped collection that is not capped, or capped with another size): start-up stops before the
 * application takes traffic. Each is named with its model, collection and difference.
 */
public class CollectionVerificationException extends NonTransientDataAccessResourceException {

	private static final long serialVersionUID = 1L;

	private final List<CollectionState> problems;

	public CollectionVerificationException(List<CollectionState> problems) {
		super("The database does not hold the collections the models declare (djongo.indexes: verify):\n"
				+ problems.stream().map((problem) -> "  - " + problem).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	/** The missing and different collections. */
	public List<CollectionState> getProblems() {
		return this.problems;
	}

}
