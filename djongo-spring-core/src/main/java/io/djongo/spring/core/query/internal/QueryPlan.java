package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * A QuerySet compiled for the server: the filter before and after annotations, the annotations, sort, slice and
 * projection. It becomes one {@code find} when nothing needs the aggregation pipeline, else one {@code aggregate}.
 *
 * @param empty whether the result is known to be empty without asking the server
 * @param filter the condition on stored fields
 * @param joins the related documents joined in, each under its alias
 * @param annotations annotation names and their per-document expressions
 * @param annotationFilter the condition on joined documents and annotations, applied after they are added
 * @param sort the sort document, empty when unordered
 * @param random whether the order is random ({@code orderBy("?")})
 * @param skip documents skipped
 * @param limit maximum documents, or null
 * @param projection the projection, or null for whole documents
 * @param scope the names the query can use
 * @param selected the aliases of joins kept in the results ({@code selectRelated})
 */
record QueryPlan(boolean empty, Filter filter, List<Join> joins, Map<String, Object> annotations,
		Filter annotationFilter, Document sort, boolean random, long skip, @Nullable Long limit,
		@Nullable Document projection, Scope scope, List<String> selected) {

	static final String RANDOM_KEY = "__djongo_random";

	/** Whether one {@code find} can answer this plan. */
	boolean isFind() {
		return this.joins.isEmpty() && this.annotations.isEmpty() && this.annotationFilter.isTrue() && !this.random;
	}

	/** The pipeline up to and including the slice; callers append what they need (group, project, count). */
	List<Bson> pipeline(boolean sorted) {
		List<Bson> stages = new ArrayList<>();
		if (!this.filter.isTrue()) {
			stages.add(new Document("$match", this.filter.toBson()));
		}
		for (Join join : this.joins) {
			stages.addAll(join.stages());
		}
		if (!this.annotations.isEmpty()) {
			stages.add(new Document("$addFields", new Document(new LinkedHashMap<>(this.annotations))));
		}
		if (!this.annotationFilter.isTrue()) {
			stages.add(new Document("$match", this.annotationFilter.toBson()));
		}
		if (sorted) {
			if (this.random) {
				stages.add(new Document("$addFields", new Document(RANDOM_KEY, new Document("$rand", new Document()))));
				stages.add(new Document("$sort", new Document(RANDOM_KEY, 1)));
			}
			else if (!this.sort.isEmpty()) {
				stages.add(new Document("$sort", this.sort));
			}
		}
		if (this.skip > 0) {
			stages.add(new Document("$skip", this.skip));
		}
		if (this.limit != null) {
			stages.add(new Document("$limit", this.limit));
		}
		return stages;
	}

	/** The full pipeline of a listing, projection included; joins not selected are left out of the results. */
	List<Bson> listingPipeline() {
		List<Bson> stages = pipeline(true);
		if (this.projection != null) {
			stages.add(new Document("$project", this.projection));
			return stages;
		}
		Document hidden = new Document();
		if (this.random) {
			hidden.append(RANDOM_KEY, 0);
		}
		for (Join join : this.joins) {
			if (!this.selected.contains(join.alias()) && !hidden.containsKey(join.alias())) {
				hidden.append(join.alias(), 0);
			}
		}
		if (!hidden.isEmpty()) {
			stages.add(new Document("$project", hidden));
		}
		return stages;
	}

	QueryPlan withLimit(long skip, @Nullable Long limit) {
		return new QueryPlan(this.empty || (limit != null && limit == 0), this.filter, this.joins, this.annotations,
				this.annotationFilter, this.sort, this.random, skip, limit, this.projection, this.scope, this.selected);
	}

	QueryPlan withProjection(@Nullable Document projection) {
		return new QueryPlan(this.empty, this.filter, this.joins, this.annotations, this.annotationFilter, this.sort,
				this.random, this.skip, this.limit, projection, this.scope, this.selected);
	}

}
