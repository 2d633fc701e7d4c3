package io.djongo.spring.core.model;

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

	@Override
	public String toString() {
		return this.path + ": " + this.message + " (was " + this.rejectedValue + ")";
	}

}
