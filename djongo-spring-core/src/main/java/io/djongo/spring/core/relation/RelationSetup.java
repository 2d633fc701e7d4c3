package io.djongo.spring.core.relation;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.relation.internal.RelationDeclarations;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;

/**
 * Prepares the relations of the models a template's mapping context knows (with Spring Boot: every {@code @Document}
 * class its entity scan finds), once all singletons exist:
 * <ul>
 * <li>checks that each {@link OnDelete} rule can be honoured: {@code SET_NULL} on a field that can be null, and
 * {@code SET_DEFAULT} with a default; a violation fails start-up with an {@link InvalidRelationException} naming
 * the model and field;</li>
 * <li>creates the sparse unique index of each {@link OneToOne} field on {@code <field>_id}, so that a second model
 * referring to the same one fails with Spring's {@code DuplicateKeyException}. Creating an index that exists costs
 * nothing.</li>
 * </ul>
 * The auto-configuration registers it; without Spring Boot, register it as a bean or call {@link #check()} and
 * {@link #createIndexes()}.
 */
public class RelationSetup implements SmartInitializingSingleton {

	private final DjongoTemplate template;

	public RelationSetup(DjongoTemplate template) {
		this.template = template;
	}

	@Override
	public void afterSingletonsInstantiated() {
		check();
		createIndexes();
	}

	/**
	 * Checks the on_delete rule of every relation of the known models.
	 * @throws InvalidRelationException for the first relation whose rule cannot be honoured
	 */
	public void check() {
		RelationDeclarations.check(this.template.getModelRegistry(), this.template.getConverter());
	}

	/**
	 * Creates the sparse unique index of every {@code @OneToOne} field of the known models.
	 * @return the relations indexed
	 * @throws InvalidRelationException when stored documents already share a value, so the index cannot exist
	 */
	public List<Relation> createIndexes() {
		List<Relation> indexed = new ArrayList<>();
		for (FieldDescriptor field : RelationDeclarations.relationFields(this.template.getModelRegistry())) {
			Relation relation = field.relation();
			if (relation == null || relation.kind() != Relation.Kind.ONE_TO_ONE) {
				continue;
			}
			ModelMetadata owner = this.template.getModelRegistry().metadata(relation.owner());
			String collection = owner.collection();
			if (collection == null) {
				continue;
			}
			try {
				this.template.mongo(collection)
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
