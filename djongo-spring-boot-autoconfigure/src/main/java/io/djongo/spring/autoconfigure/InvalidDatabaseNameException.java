package io.djongo.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when {@code djongo.name} is bound to a name MongoDB refuses for a database, so that start-up fails at
 * binding, naming the key, instead of at the first command deep inside the client.
 * <p>
 * MongoDB's rule: a database name is not empty, is shorter than 64 bytes in UTF-8, and contains none of
 * {@code / \ . " $}, a space or the null character (on Windows servers also none of {@code * < > : | ?}, which this
 * check leaves to the server).
 */
public class InvalidDatabaseNameException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** The characters MongoDB refuses in a database name on every platform. */
	public static final String PROHIBITED = "/\\. \"$\0";

	/** Database names are shorter than this many bytes (UTF-8). */
	public static final int MAX_BYTES = 64;

	private final String name;

	private final String problem;

	private InvalidDatabaseNameException(String name, String problem) {
		super("djongo.name '" + name + "' is not a valid MongoDB database name: " + problem);
		this.name = name;
		this.problem = problem;
	}

	/**
	 * Checks a non-blank database name.
	 * @param name the name
	 * @throws InvalidDatabaseNameException when MongoDB would refuse it
	 */
	public static void check(String name) {
		String problem = problem(name);
		if (problem != null) {
			throw new InvalidDatabaseNameException(name, problem);
		}
	}

	private static @Nullable String problem(String name) {
		Set<String> found = new LinkedHashSet<>();
		for (char c : name.toCharArray()) {
			if (PROHIBITED.indexOf(c) >= 0) {
				found.add(switch (c) {
					case ' ' -> "a space";
					case '\0' -> "the null character";
					default -> "'" + c + "'";
				});
			}
		}
		int bytes = name.getBytes(StandardCharsets.UTF_8).length;
		String length = (bytes >= MAX_BYTES) ? "it is " + bytes + " bytes long (at most " + (MAX_BYTES - 1) + ")"
				: null;
		if (found.isEmpty()) {
			return length;
		}
		String characters = "it contains " + String.join(" and ", found);
		return (length != null) ? characters + ", and " + length : characters;
	}

	/** The name as configured. */
	public String getName() {
		return this.name;
	}

	/** What MongoDB refuses in it. */
	public String getProblem() {
		return this.problem;
	}

	/** The name with each refused character replaced by {@code _}, cut to the length limit: a suggestion. */
	public String getSuggestion() {
		StringBuilder suggestion = new StringBuilder();
		for (char c : this.name.toCharArray()) {
			suggestion.append((PROHIBITED.indexOf(c) >= 0) ? '_' : c);
		}
		String result = suggestion.toString();
		while (result.getBytes(StandardCharsets.UTF_8).length >= MAX_BYTES) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

}
