package io.djongo.spring.core.schema;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.dao.NonTransientDataAccessResourceException;

/**
 * {@code djongo.indexes: verify} found indexes that the database lacks or holds with other options: start-up stops
 * before the application takes traffic. Each is named with its model, collection and difference.
 */
public class IndexVerificationException extends NonTransientDataAccessResourceException {

	private static final long serialVersionUID = 1L;

	private final List<IndexState> problems;

	public IndexVerificationException(List<IndexState> problems) {
		super("The database does not hold the indexes the models declare (djongo.indexes: verify):\n"
				+ problems.stream().map((problem) -> "  - " + problem).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	/** The missing and different indexes. */
	public List<IndexState> getProblems() {
		return this.problems;
	}

}
