package io.djongo.spring.core.schema;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.model.FieldViolation;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.schema.internal.WriteBatch;
import org.bson.Document;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

/**
 * Validates every model before it is written, with a {@link ModelValidator}: after all before-convert callbacks
 * (auditing fills its fields first), just before the document is sent. In a bulk write the violations of all models
 * are collected and thrown together by the {@code DjongoTemplate} before the insert command: nothing of an invalid
 * batch is written. Map keys that cannot be field names ({@code $where}, {@code a.b}) are refused earlier, before
 * conversion, with the same exception.
 */
public class ModelValidationCallback implements BeforeConvertCallback<Object>, BeforeSaveCallback<Object>, Ordered {

	private final ModelValidator validator;

	public ModelValidationCallback(ModelValidator validator) {
		this.validator = validator;
	}

	/**
	 * Map keys that cannot be field names are refused before conversion, which would otherwise fail on a dot with
	 * Spring Data's own message, or store a key starting with {@code $}.
	 */
	@Override
	public Object onBeforeConvert(Object model, String collection) {
		List<FieldViolation> keys = this.validator.keyViolations(model);
		if (!keys.isEmpty()) {
			WriteBatch batch = WriteBatch.of(model, collection);
			int index = (batch != null && batch.size() > 1) ? batch.indexOf(model) : -1;
			List<FieldViolation> violations = new ArrayList<>();
			for (FieldViolation violation : keys) {
				violations.add((index < 0) ? violation : new FieldViolation("[" + index + "]." + violation.path(),
						violation.message(), violation.rejectedValue()));
			}
			throw new ValidationException(model.getClass().getSimpleName() + " is not valid", violations);
		}
		return model;
	}

	@Override
	public Object onBeforeSave(Object model, Document document, String collection) {
		WriteBatch batch = WriteBatch.of(model, collection);
		if (batch == null || batch.size() < 2) {
			this.validator.validate(model);
		}
		else {
			batch.addViolations(model, this.validator.violations(model));
		}
		return model;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
