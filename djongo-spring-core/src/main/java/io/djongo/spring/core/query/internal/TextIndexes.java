package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.InvalidLookupException;
import org.springframework.data.mongodb.core.index.TextIndexed;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * What the model declares of its text index ({@code @TextIndexed} fields, which djongo reconciles at start): MongoDB
 * has one text index per collection and {@code $text} searches all its fields, so a {@code field__search} on a field
 * outside a declared index is a mistake caught before anything is sent. A model declaring none may have an index made
 * otherwise: the server decides, and its refusal names the annotation ({@link ServerErrors}).
 */
final class TextIndexes {

	private TextIndexes() {
	}

	/** The stored names of the model's own {@code @TextIndexed} fields. */
	static List<String> declared(ModelMetadata model) {
		List<String> fields = new ArrayList<>();
		for (MongoPersistentProperty property : model.entity()) {
			if (property.isAnnotationPresent(TextIndexed.class)) {
				fields.add(property.getFieldName());
			}
		}
		return fields;
	}

	static void requireIndexed(ModelMetadata model, Target target) {
		List<String> declared = declared(model);
		String path = target.storedPath();
		if (!declared.isEmpty() && !path.contains(".") && !declared.contains(path)) {
			throw new InvalidLookupException(target.description() + ": '" + path + "' is not in " + model.name()
					+ "'s text index (its @TextIndexed fields: " + String.join(", ", declared) + "); MongoDB searches"
					+ " the whole index: add @TextIndexed to the field, or search one of those");
		}
	}

}
