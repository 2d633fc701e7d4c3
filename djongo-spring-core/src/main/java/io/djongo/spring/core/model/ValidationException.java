package io.djongo.spring.core.model;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Django's {@code ValidationError}: a model, or one value, is not valid, and nothing was written.
 * <p>
 * {@link FieldValidator}s throw it with a message and parameters ({@code "Script injection in {value}"},
 * {@code {"value": value}}; Django's {@code %(value)s} works too). djongo throws it before a write with
 * {@link #getViolations() every field that failed}, from Bean Validation constraints, {@link Validators},
 * {@link EmbeddedField} and {@link ArrayField} rules, inside embedded documents and array elements too.
 * <p>
 * It is a {@link DataIntegrityViolationException}, like the {@code DuplicateKeyException} of a unique index: the
 * data breaks a rule the model declares, the write is refused, and retrying the same data fails the same way.
 * Handlers that already map integrity violations to a client error (HTTP 400/409) cover it. Not to be confused
 * with {@code jakarta.validation.ValidationException}, which reports a misconfigured Bean Validation provider.
 */
public class ValidationException extends DataIntegrityViolationException {

	private static final int LISTED = 10;

	private final String template;

	private final Map<String, ?> params;

	private final List<FieldViolation> violations;

	/**
	 * A validator's verdict on one value.
	 * @param message what is wrong
	 */
	public ValidationException(String message) {
		this(message, Map.of());
	}

	/**
	 * A validator's verdict on one value, with parameters for the message's {@code {name}} or {@code %(name)s}
	 * placeholders; values are shown safely (cut after 64 characters).
	 * @param message what is wrong, with placeholders
	 * @param params the placeholders' values
	 */
	public ValidationException(String message, Map<String, ?> params) {
		this(SafeValues.interpolate(message, params, false), message, Map.copyOf(params), List.of());
	}

	/**
	 * The failed validation of one or more objects.
	 * @param summary what failed, such as {@code "Entry is not valid"}
	 * @param violations every field that failed
	 */
	public ValidationException(String summary, List<FieldViolation> violations) {
		this(describe(summary, violations), null, Map.of(), List.copyOf(violations));
	}

	/** {@code template} null: the message has no placeholders and is its own template. */
	private ValidationException(String message, @Nullable String template, Map<String, ?> params,
			List<FieldViolation> violations) {
		super(message);
		this.template = (template != null) ? template : message;
		this.params = params;
		this.violations = violations;
	}

	/**
	 * Every field that failed; empty when a validator threw this exception for a single value.
	 */
	public List<FieldViolation> getViolations() {
		return this.violations;
	}

	/**
	 * The message as the validator gave it, with its placeholders.
	 */
	public String getMessageTemplate() {
		return this.template;
	}

	/**
	 * The values of the message's placeholders.
	 */
	public Map<String, ?> getParams() {
		return this.params;
	}

	/**
	 * The message as it reads for the field at a path: the placeholders' values hidden when the field is named like a
	 * password, a secret or a token.
	 */
	public String getMessage(String path) {
		return SafeValues.interpolate(this.template, this.params, SafeValues.isSensitive(path));
	}

	private static String describe(String summary, List<FieldViolation> violations) {
		StringBuilder message = new StringBuilder(summary).append(": ");
		for (int i = 0; i < Math.min(LISTED, violations.size()); i++) {
			message.append((i > 0) ? "; " : "").append(violations.get(i));
		}
		if (violations.size() > LISTED) {
			message.append("; and ").append(violations.size() - LISTED).append(" more");
		}
		return message.toString();
	}

}
