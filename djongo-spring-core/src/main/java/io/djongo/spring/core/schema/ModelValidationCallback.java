package io.djongo.spring.core.schema;

import io.djongo.spring.core.schema.internal.WriteBatch;
import org.bson.Document;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

/**
 * Validates every model before it is written, with a {@link ModelValidator}: after all before-convert callbacks
 * (auditing fills its fields first), just before the document is sent. In a bulk write the violations of all models
 * are collected and thrown together by the {@code DjongoTemplate} before the insert command: nothing of an invalid
 * batch is written.
 */
public class ModelValidationCallback implements BeforeSaveCallback<Object>, Ordered {

	private final ModelValidator validator;

	public ModelValidationCallback(ModelValidator validator) {
		this.validator = validator;
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
