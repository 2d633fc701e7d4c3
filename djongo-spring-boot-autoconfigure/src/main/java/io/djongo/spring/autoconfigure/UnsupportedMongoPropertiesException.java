package io.djongo.spring.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown at start-up when a {@code spring.data.mongodb.*} connection key of Spring Boot 3 is set: Spring Boot 4 moved
 * these keys to {@code spring.mongodb.*} and no longer reads the old ones, so the connection they describe would be
 * ignored without a word.
 */
public class UnsupportedMongoPropertiesException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final Map<String, String> replacements;

	/**
	 * @param replacements each key set (with its origin) and the key that replaces it
	 */
	public UnsupportedMongoPropertiesException(Map<String, String> replacements) {
		super("Spring Boot 4 no longer reads " + replacements.keySet() + "; use " + replacements.values());
		this.replacements = Collections.unmodifiableMap(new LinkedHashMap<>(replacements));
	}

	/** Each key set, with its origin, and the key that replaces it. */
	public Map<String, String> getReplacements() {
		return this.replacements;
	}

}
