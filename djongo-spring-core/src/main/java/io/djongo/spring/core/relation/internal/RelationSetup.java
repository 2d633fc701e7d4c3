package io.djongo.spring.core.relation.internal;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.relation.InvalidRelationException;
import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.relation.OneToOne;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Checks the relations of the models the mapping context knows (with Spring Boot: every {@code @Document} class
 * its entity scan finds): each {@link OnDelete} rule must be one that can be honoured, {@code SET_NULL} on a field
 * that can be null and {@code SET_DEFAULT} with a default; a violation is an {@link InvalidRelationException} naming
 * the model and field. The sparse unique index of each {@link OneToOne} field is one of the model's indexes, created
 * by the index step with the others ({@code DjongoSchema.indexes}).
 */
public final class RelationSetup {

	private final ModelRegistry models;

	private final MongoConverter converter;

	public RelationSetup(ModelRegistry models, MongoConverter converter) {
		this.models = models;
		this.converter = converter;
	}

	/**
	 * Checks every relation.
	 * @return the one-to-one relations, whose unique indexes the index step creates
	 * @throws InvalidRelationException for the first relation whose rule cannot be honoured
	 */
	public List<Relation> prepare() {
		RelationDeclarations.check(this.models, this.converter);
		List<Relation> oneToOne = new ArrayList<>();
		for (FieldDescriptor field : RelationDeclarations.relationFields(this.models)) {
			Relation relation = field.relation();
			if (relation != null && relation.kind() == Relation.Kind.ONE_TO_ONE) {
				oneToOne.add(relation);
			}
		}
		return oneToOne;
	}

}
