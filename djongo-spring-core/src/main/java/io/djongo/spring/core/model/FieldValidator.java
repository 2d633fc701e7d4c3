package io.djongo.spring.core.model;

/**
 * A validator function, as Django's: it inspects a field's value and throws a {@link ValidationException} when the
 * value is not acceptable. Named on a field with {@link Validators}; never called with {@code null}.
 * <pre class="code">
 * public class ScriptInjection implements FieldValidator&lt;String&gt; {
 *     public void validate(String value) {
 *         if (value.contains("&lt;script&gt;")) {
 *             throw new ValidationException("Script injection in {value}", Map.of("value", value));
 *         }
 *     }
 * }
 * </pre>
 *
 * @param <T> the field type it accepts
 */
@FunctionalInterface
public interface FieldValidator<T> {

	/**
	 * Checks one value.
	 * @param value the field's value, never {@code null}
	 * @throws ValidationException when the value is not valid
	 */
	void validate(T value);

}
