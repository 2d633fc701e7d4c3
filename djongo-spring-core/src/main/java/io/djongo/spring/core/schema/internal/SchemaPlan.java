package io.djongo.spring.core.schema.internal;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.model.EnforceSchema;
import io.djongo.spring.core.model.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.mapping.AssociationHandler;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * The stored fields a model or container declares, worked out once: what enforce-schema requires of a document.
 *
 * @param enforced whether documents of this class are checked when read
 * @param fields the required fields
 */
public record SchemaPlan(boolean enforced, List<StoredField> fields) {

	/**
	 * Works out the plan of a persistent entity.
	 * @param enforceByDefault the {@code djongo.enforce-schema} setting, for models that do not say
	 */
	public static SchemaPlan of(MongoPersistentEntity<?> entity, boolean enforceByDefault) {
		List<StoredField> fields = new ArrayList<>();
		entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) (property) -> add(property, fields));
		entity.doWithAssociations((AssociationHandler<MongoPersistentProperty>) (association) -> add(
				association.getInverse(), fields));
		return new SchemaPlan(enforced(entity.getType(), enforceByDefault), List.copyOf(fields));
	}

	private static void add(MongoPersistentProperty property, List<StoredField> fields) {
		if (property.isIdProperty() || !property.isWritable()) {
			return;
		}
		Indexed indexed = property.findAnnotation(Indexed.class);
		if (indexed != null && indexed.sparse()) {
			// a sparse index tells a missing field from a null one: absence is meaningful here
			return;
		}
		Class<?> nested = (property.isEntity() && !property.isMap() && !property.isAssociation())
				? property.getTypeInformation().getRequiredActualType().getType() : null;
		fields.add(new StoredField(property.getFieldName(), nested));
	}

	private static boolean enforced(Class<?> type, boolean enforceByDefault) {
		Model model = AnnotatedElementUtils.findMergedAnnotation(type, Model.class);
		EnforceSchema setting = (model != null) ? model.enforceSchema() : EnforceSchema.DEFAULT;
		return switch (setting) {
			case ENABLED -> true;
			case DISABLED -> false;
			case DEFAULT -> enforceByDefault && (model != null
					|| AnnotatedElementUtils.hasAnnotation(type,
							org.springframework.data.mongodb.core.mapping.Document.class));
		};
	}

	/**
	 * One stored field.
	 *
	 * @param name its name in the document
	 * @param embeddedType the container class of an embedded document or array of them, {@code null} for a plain value
	 */
	public record StoredField(String name, @Nullable Class<?> embeddedType) {
	}

}
