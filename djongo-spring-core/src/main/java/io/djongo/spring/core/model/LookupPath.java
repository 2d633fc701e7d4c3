package io.djongo.spring.core.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A Django lookup such as {@code blogs__name__icontains} or {@code author__name} resolved against a model: the
 * relations it crosses, the fields it walks in the last model reached, their stored dotted path, and the parts left
 * over for transforms and the lookup itself.
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
public record LookupPath(ModelMetadata model, String expression, List<Hop> hops, List<FieldDescriptor> fields,
		String storedPath, @Nullable String arrayPrefix, ModelMetadata owner, List<String> rest) {

	/**
	 * One relation crossed by a lookup.
	 * @param relation the relation
	 * @param reverse whether it is crossed from target to owner
	 * @param localPath the stored path, in the document the hop starts from, holding the value to match
	 * @param foreignPath the stored path, in the documents reached, matched against it
	 * @param target the model reached
	 */
	public record Hop(Relation relation, boolean reverse, String localPath, String foreignPath, ModelMetadata target) {

		/** Whether several documents can be reached from one. */
		public boolean isMultiValued() {
			return this.reverse ? this.relation.isReverseMultiValued() : this.relation.isManyToMany();
		}

	}

	/** The last field walked; fails when the lookup ends on a relation reached by a hop. */
	public FieldDescriptor field() {
		if (this.fields.isEmpty()) {
			throw new FieldError("'" + this.expression + "' on " + this.model.name() + " names a relation, not a field");
		}
		return this.fields.get(this.fields.size() - 1);
	}

	/** Whether the path passes through a list, so that a condition can match any of several values. */
	public boolean isMultiValued() {
		return this.arrayPrefix != null || this.hops.stream().anyMatch(Hop::isMultiValued);
	}

	/** Whether the lookup crosses relations. */
	public boolean crossesRelations() {
		return !this.hops.isEmpty();
	}

	/** The Java property path, dotted, as written without transforms and lookup. */
	public String propertyPath() {
		return String.join(".", this.fields.stream().map(FieldDescriptor::name).toList());
	}

}
