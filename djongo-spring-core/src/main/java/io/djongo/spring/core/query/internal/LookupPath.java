package io.djongo.spring.core.query.internal;

import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import org.jspecify.annotations.Nullable;

/**
 * A Django lookup such as {@code blogs__name__icontains} or {@code author__name} resolved against a model by
 * {@link PathResolver}: the relations it crosses, the fields it walks in the last model reached, their stored dotted
 * path, and the parts left over for map keys, transforms and the lookup itself.
 *
 * @param model the model the lookup starts from
 * @param expression the lookup as written
 * @param hops the relations crossed, in order; empty when the lookup stays in the model's own documents
 * @param fields the fields walked after the last hop, outermost first; empty when the lookup ends on a relation
 * reached by a hop (a reverse relation or a many-to-many one)
 * @param storedPath the dotted path of the last field, relative to the document of the last hop
 * @param arrayPrefix the stored path (relative as {@code storedPath}) of the first list walked after the last hop,
 * or null
 * @param owner where a following part would be looked up: the container of a last embedded or array field, else
 * the model or container declaring the last field
 * @param rest the parts after the last field: map keys, transforms and the lookup name
 */
record LookupPath(ModelMetadata model, String expression, List<Hop> hops, List<FieldDescriptor> fields,
		String storedPath, @Nullable String arrayPrefix, ModelMetadata owner, List<String> rest) {

	/**
	 * One relation crossed by a lookup.
	 * @param relation the relation
	 * @param reverse whether it is crossed from target to owner
	 * @param localPath the stored path, in the document the hop starts from, holding the value to match
	 * @param foreignPath the stored path, in the documents reached, matched against it
	 * @param collection the collection of the documents reached
	 * @param target the model reached; null for the rows of a through collection Django creates, which no class
	 * describes
	 */
	record Hop(Relation relation, boolean reverse, String localPath, String foreignPath, String collection,
			@Nullable ModelMetadata target) {

		/** A hop to the documents of a model. */
		static Hop to(Relation relation, boolean reverse, String localPath, String foreignPath, ModelMetadata target) {
			String collection = target.collection();
			if (collection == null) {
				throw new FieldError(target.name() + " has no collection to join");
			}
			return new Hop(relation, reverse, localPath, foreignPath, collection, target);
		}

		/** Whether several documents can be reached from one. */
		boolean isMultiValued() {
			return this.reverse ? this.relation.isReverseMultiValued() : this.relation.isManyToMany();
		}

		/** The model reached; fails for the rows of a through collection Django creates. */
		ModelMetadata requiredTarget() {
			ModelMetadata result = this.target;
			if (result == null) {
				throw new FieldError("'" + this.relation.relatedName() + "' are the rows of the through collection '"
						+ this.collection + "': no model describes them");
			}
			return result;
		}

	}

	/** Whether the lookup is a many-to-many list of ids of the model itself (native storage), crossed by no hop. */
	boolean isLocalManyToMany() {
		return this.hops.isEmpty() && this.fields.size() == 1
				&& this.fields.get(0).kind() == FieldDescriptor.Kind.MANY_TO_MANY && this.fields.get(0).relation() != null;
	}

	/** The last field walked; fails when the lookup ends on a relation reached by a hop. */
	FieldDescriptor field() {
		if (this.fields.isEmpty()) {
			throw new FieldError("'" + this.expression + "' on " + this.model.name() + " names a relation, not a field");
		}
		return this.fields.get(this.fields.size() - 1);
	}

}
