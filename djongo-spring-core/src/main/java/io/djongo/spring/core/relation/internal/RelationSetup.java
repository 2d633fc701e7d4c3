package io.djongo.spring.core.relation.internal;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.relation.InvalidRelationException;
import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.relation.OneToOne;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Prepares the relations of the models the mapping context knows (with Spring Boot: every {@code @Document} class
 * its entity scan finds):
 * <ul>
 * <li>checks that each {@link OnDelete} rule can be honoured: {@code SET_NULL} on a field that can be null, and
 * {@code SET_DEFAULT} with a default; a violation is an {@link InvalidRelationException} naming the model and
 * field;</li>
 * <li>creates the sparse unique index of each {@link OneToOne} field on {@code <field>_id}, so that a second model
 * referring to the same one fails with Spring's {@code DuplicateKeyException}. Creating an index that exists costs
 * nothing. A model in Django storage gets djongo's unique index instead, with its other Django indexes.</li>
 * </ul>
 */
public final class RelationSetup {

	private final MongoOperations operations;

	private final ModelRegistry models;

	public RelationSetup(MongoOperations operations, ModelRegistry models) {
		this.operations = operations;
		this.models = models;
	}

	/**
	 * Checks every relation, then creates the one-to-one indexes.
	 * @return the relations indexed
	 * @throws InvalidRelationException for the first relation whose rule cannot be honoured, or whose index cannot
	 * be created
	 */
	public List<Relation> prepare() {
		RelationDeclarations.check(this.models, this.operations.getConverter());
		return createIndexes();
	}

	private List<Relation> createIndexes() {
		List<Relation> indexed = new ArrayList<>();
		for (FieldDescriptor field : RelationDeclarations.relationFields(this.models)) {
			Relation relation = field.relation();
			if (relation == null || relation.kind() != Relation.Kind.ONE_TO_ONE) {
				continue;
			}
			ModelMetadata owner = this.models.metadata(relation.owner());
			String collection = owner.collection();
			if (collection == null || owner.storage() == Storage.DJANGO) {
				continue;
			}
			try {
				this.operations.getCollection(collection)
					.createIndex(Indexes.ascending(relation.storedField()),
							new IndexOptions().unique(true).sparse(true));
			}
			catch (MongoException | DataAccessException ex) {
				throw new InvalidRelationException(relation.owner(), relation.field(),
						"the unique index of this one-to-one relation on '" + relation.storedField()
								+ "' cannot be created in collection '" + collection
								+ "'; do stored documents refer to the same " + relation.target().getSimpleName()
								+ "? " + ex.getMessage());
			}
			indexed.add(relation);
		}
		return indexed;
	}

}
