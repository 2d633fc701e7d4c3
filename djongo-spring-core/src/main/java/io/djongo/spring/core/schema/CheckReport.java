package io.djongo.spring.core.schema;

import java.time.Instant;
import java.util.List;

/**
 * What {@code --djongo.check} found: for each model, how the documents of its collection differ from the model.
 *
 * @param models one entry per model, in the order the mapping context knows them
 * @param sampleSize the documents read per collection, 0 for all of them
 * @param at when the check ran
 */
public record CheckReport(List<ModelCheck> models, int sampleSize, Instant at) {

	/** Whether any model's documents drift from it: an unknown field, a type mismatch, a missing required field. */
	public boolean hasDrift() {
		return this.models.stream().anyMatch(ModelCheck::hasDrift);
	}

	/**
	 * The check of one model.
	 *
	 * @param model the model's simple name
	 * @param collection its collection
	 * @param examined how many documents were read
	 * @param fields what was found, one entry per field and kind
	 * @param collectionOptions how the collection differs from the one the model declares (a capped model over an
	 * uncapped collection, another size); empty when it does not
	 */
	public record ModelCheck(String model, String collection, long examined, List<FieldDrift> fields,
			String collectionOptions) {

		/** The check of a model whose collection is as declared. */
		public ModelCheck(String model, String collection, long examined, List<FieldDrift> fields) {
			this(model, collection, examined, fields, "");
		}

		public boolean hasDrift() {
			return !this.collectionOptions.isEmpty() || this.fields.stream().anyMatch(FieldDrift::drift);
		}

	}

	/**
	 * Documents that differ from the model in one field.
	 *
	 * @param field the stored path ({@code title}, {@code blog.name}, {@code blogs[].name})
	 * @param kind how they differ
	 * @param count how many documents
	 * @param ids the {@code _id}s of the first few
	 * @param detail the types expected and found, for a mismatch
	 * @param drift whether it counts as drift: always, except a missing field that may be null (Spring Data leaves
	 * nulls out)
	 */
	public record FieldDrift(String field, Kind kind, long count, List<Object> ids, String detail, boolean drift) {

		/** How documents differ from the model. */
		public enum Kind {

			/** They lack the field. */
			MISSING,

			/** They hold a field the model does not declare. */
			UNKNOWN,

			/** The field holds a type the model does not store there. */
			TYPE_MISMATCH

		}

	}

}
