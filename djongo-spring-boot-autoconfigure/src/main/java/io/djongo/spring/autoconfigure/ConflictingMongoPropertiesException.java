package io.djongo.spring.autoconfigure;

import java.util.List;

/**
 * Thrown at start-up when djongo's keys and Spring Boot's say different things: both {@code djongo.client.*} and
 * {@code spring.mongodb.*} configure the connection, or {@code djongo.name} and {@code spring.mongodb.database} (or
 * the database of {@code spring.mongodb.uri}) name different databases. djongo never ignores one of them silently.
 * The keys are named with where they were set; values are not shown, except database names.
 */
public class ConflictingMongoPropertiesException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final List<String> djongoKeys;

	private final List<String> springKeys;

	private final boolean database;

	private ConflictingMongoPropertiesException(String message, List<String> djongoKeys, List<String> springKeys,
			boolean database) {
		super(message);
		this.djongoKeys = List.copyOf(djongoKeys);
		this.springKeys = List.copyOf(springKeys);
		this.database = database;
	}

	/**
	 * Both {@code djongo.client.*} and {@code spring.mongodb.*} configure the connection.
	 * @param djongoKeys the {@code djongo.client.*} keys set, with their origins
	 * @param springKeys the {@code spring.mongodb.*} keys set, with their origins
	 */
	public static ConflictingMongoPropertiesException connection(List<String> djongoKeys, List<String> springKeys) {
		return new ConflictingMongoPropertiesException("Both djongo.client.* " + djongoKeys
				+ " and spring.mongodb.* " + springKeys + " configure the MongoDB connection", djongoKeys, springKeys,
				false);
	}

	/**
	 * {@code djongo.name} and a database of Spring Boot's keys differ.
	 * @param djongoKey {@code djongo.name} with its origin
	 * @param djongoDatabase its value
	 * @param springKey {@code spring.mongodb.database} or {@code spring.mongodb.uri}, with its origin
	 * @param springDatabase the database it names
	 */
	public static ConflictingMongoPropertiesException database(String djongoKey, String djongoDatabase,
			String springKey, String springDatabase) {
		return new ConflictingMongoPropertiesException("djongo.name names the database '" + djongoDatabase + "' but "
				+ springKey + " names '" + springDatabase + "'", List.of(djongoKey + ": '" + djongoDatabase + "'"),
				List.of(springKey + ": '" + springDatabase + "'"), true);
	}

	/** The djongo keys of the conflict, with their origins. */
	public List<String> getDjongoKeys() {
		return this.djongoKeys;
	}

	/** Spring Boot's keys of the conflict, with their origins. */
	public List<String> getSpringKeys() {
		return this.springKeys;
	}

	/** Whether the keys name different databases (rather than both configuring the connection). */
	public boolean isDatabase() {
		return this.database;
	}

}
