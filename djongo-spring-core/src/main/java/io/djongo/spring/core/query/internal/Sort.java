package io.djongo.spring.core.query.internal;

import java.util.List;

import org.bson.Document;

/**
 * A resolved ordering.
 * @param document the sort document, empty when unordered or random
 * @param random whether the order is random ({@code orderBy("?")})
 * @param joins the relations (and subqueries) joined to sort by their fields
 * @param computed the sort keys computed first ({@code $addFields}): expressions, and where nulls go
 */
record Sort(Document document, boolean random, List<Join> joins, Document computed) {

	static final Sort NONE = new Sort(new Document(), false, List.of(), new Document());

	/** The prefix of computed sort keys. */
	static final String KEY_PREFIX = TargetResolver.JOIN_PREFIX + "order";

	Sort(Document document, boolean random, List<Join> joins) {
		this(document, random, joins, new Document());
	}

	boolean isOrdered() {
		return this.random || !this.document.isEmpty();
	}

	/** The reverse order: every key flipped, so nulls placed first are placed last and the other way round. */
	Sort reversed() {
		Document flipped = new Document();
		this.document.forEach((path, direction) -> flipped.append(path, -((Integer) direction)));
		return new Sort(flipped, this.random, this.joins, this.computed);
	}

}
