package io.djongo.spring.core.relation;

import io.djongo.spring.core.relation.internal.UnsavedRelations;
import io.djongo.spring.core.schema.internal.WriteBatch;
import org.springframework.core.Ordered;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * Django's guard against data loss: saving a model whose related object ({@code @ForeignKey}, {@code @OneToOne}, an
 * element of a {@code @ManyToMany} list) has no id yet fails with "save() prohibited to prevent data loss due to
 * unsaved related object 'author'.", before anything is written. In a bulk write the whole batch is checked at the
 * first model, so no counter moves and nothing is sent. A related object still behind its lazy proxy came from the
 * database and is not loaded to be checked.
 */
public class UnsavedRelatedObjectCallback implements BeforeConvertCallback<Object>, Ordered {

	private final UnsavedRelations relations;

	public UnsavedRelatedObjectCallback(
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		this.relations = new UnsavedRelations(mappingContext);
	}

	@Override
	public Object onBeforeConvert(Object model, String collection) {
		WriteBatch batch = WriteBatch.of(model, collection);
		if (batch != null && batch.size() > 1) {
			if (batch.models().iterator().next() == model) {
				this.relations.check(batch.models());
			}
		}
		else {
			this.relations.check(model);
		}
		return model;
	}

	@Override
	public int getOrder() {
		// before ids are reserved: a refused batch moves no counter
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
