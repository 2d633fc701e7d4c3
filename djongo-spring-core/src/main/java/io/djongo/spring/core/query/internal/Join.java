package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * One relation joined into the queried (or a joined) document by {@code $lookup}, under a field of its own
 * ({@code __djongo_author}). A single-valued join (a forward foreign key) is unwrapped to the one document or
 * nothing, so that it reads like an embedded document; a multi-valued one stays an array, where MongoDB's "any
 * element" matching gives Django's join semantics without ever repeating a queried document. Relations crossed
 * after this one are joined inside each related document, so that a condition over two hops holds for one related
 * document, and every form used runs on MongoDB and on the embedded server alike.
 *
 * @param alias the field the related documents are joined under, in the document this join starts from
 * @param from the related collection
 * @param localField the path, in the document this join starts from, holding the value to match
 * @param foreignField the path in the related documents matched against it
 * @param multiValued whether several related documents can be joined to one
 * @param localArray whether the local value is an array of ids (a forward many-to-many)
 * @param foreignArray whether the foreign value is an array of ids (a reverse many-to-many)
 * @param condition a condition the related documents must meet, or null for all of them
 * @param children the joins made inside each related document
 * @param let for a subquery, the variables of the outer document its pipeline reads; else null
 * @param pipeline for a subquery, its own pipeline (a {@code $lookup} with {@code let} and {@code pipeline}); else
 * null
 */
record Join(String alias, String from, String localField, String foreignField, boolean multiValued,
		boolean localArray, boolean foreignArray, @Nullable Bson condition, List<Join> children,
		@Nullable Document let, @Nullable List<Bson> pipeline) {

	Join(String alias, String from, String localField, String foreignField, boolean multiValued, boolean localArray,
			boolean foreignArray, @Nullable Bson condition, List<Join> children) {
		this(alias, from, localField, foreignField, multiValued, localArray, foreignArray, condition, children, null,
				null);
	}

	/** The join of a subquery: the documents its pipeline returns, per document, under the alias. */
	static Join subquery(String alias, String from, Document let, List<Bson> pipeline) {
		return new Join(alias, from, "", "", true, false, false, null, List.of(), let, List.copyOf(pipeline));
	}

	Join withChildren(List<Join> children) {
		return new Join(this.alias, this.from, this.localField, this.foreignField, this.multiValued, this.localArray,
				this.foreignArray, this.condition, List.copyOf(children), this.let, this.pipeline);
	}

	/** Whether this is the join of a subquery. */
	boolean isSubquery() {
		return this.pipeline != null;
	}

	/** Whether two joins reach the same documents the same way, whatever their children. */
	boolean sameAs(Join other) {
		return this.alias.equals(other.alias) && this.from.equals(other.from) && this.localField.equals(other.localField)
				&& java.util.Objects.equals(this.condition, other.condition)
				&& java.util.Objects.equals(this.let, other.let) && java.util.Objects.equals(this.pipeline, other.pipeline);
	}

	/** The joins merged into one tree: same joins share one stage, their children merged in turn. */
	static List<Join> merge(List<Join> joins, Join added) {
		List<Join> result = new ArrayList<>(joins);
		for (int i = 0; i < result.size(); i++) {
			Join existing = result.get(i);
			if (existing.sameAs(added)) {
				List<Join> children = existing.children;
				for (Join child : added.children) {
					children = merge(children, child);
				}
				result.set(i, existing.withChildren(children));
				return result;
			}
		}
		result.add(added);
		return result;
	}

	/** The stages adding this join. */
	List<Bson> stages() {
		List<Bson> stages = new ArrayList<>();
		if (this.pipeline != null) {
			Document lookup = new Document("from", this.from);
			if (this.let != null && !this.let.isEmpty()) {
				lookup.append("let", this.let);
			}
			stages.add(new Document("$lookup", lookup.append("pipeline", this.pipeline).append("as", this.alias)));
			return stages;
		}
		if (this.condition == null && this.children.isEmpty()) {
			// the plain localField/foreignField form: index-friendly, and what the embedded server runs best
			stages.add(new Document("$lookup", new Document("from", this.from).append("localField", this.localField)
				.append("foreignField", this.foreignField)
				.append("as", this.alias)));
		}
		else {
			Object match;
			if (this.localArray) {
				match = new Document("$in", List.of("$" + this.foreignField,
						new Document("$ifNull", Arrays.asList("$$djongoKey", List.of()))));
			}
			else if (this.foreignArray) {
				match = new Document("$in", List.of("$$djongoKey",
						new Document("$ifNull", Arrays.asList("$" + this.foreignField, List.of()))));
			}
			else {
				match = new Document("$eq", List.of("$" + this.foreignField, "$$djongoKey"));
			}
			List<Bson> pipeline = new ArrayList<>();
			pipeline.add(new Document("$match", new Document("$expr", match)));
			if (this.condition != null) {
				pipeline.add(new Document("$match", this.condition));
			}
			for (Join child : this.children) {
				pipeline.addAll(child.stages());
			}
			stages.add(new Document("$lookup", new Document("from", this.from)
				.append("let", new Document("djongoKey", "$" + this.localField))
				.append("pipeline", pipeline)
				.append("as", this.alias)));
		}
		if (!this.multiValued) {
			stages.add(new Document("$addFields",
					new Document(this.alias, new Document("$arrayElemAt", List.of("$" + this.alias, 0)))));
		}
		return stages;
	}

}
