package io.djongo.spring.core.model;

import org.jspecify.annotations.Nullable;

/**
 * One field that failed validation.
 *
 * @param path the field's path from the validated object, in Java property names: {@code headline},
 * {@code blog.name}, {@code blogs[1].name}; in a batch, prefixed with the element's index: {@code [3].headline}
 * @param message what is wrong, for a human
 * @param rejectedValue the value, shown safely: strings quoted and cut after 64 characters, containers and
 * collections by type and size only, and {@code [hidden]} for fields named like passwords, secrets or tokens
 */
public record FieldViolation(String path, String message, String rejectedValue) {

	/**
	 * The violation of a field holding a value, shown safely as {@link #rejectedValue()} says.
	 */
	public static FieldViolation of(String path, String message, @Nullable Object value) {
		return new FieldViolation(path, message, SafeValues.describe(path, value));
	}

	/**
	 * A value as messages show it: strings quoted and cut after 64 characters, containers and collections by type and
	 * size only.
	 */
	public static String shown(@Nullable Object value) {
		return SafeValues.describe(value);
	}

	@Override
	public String toString() {
		return this.path + ": " + this.message + " (was " + this.rejectedValue + ")";
	}

}
