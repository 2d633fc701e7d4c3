package io.djongo.spring.core.query.internal;

import java.util.List;

import org.bson.Document;

/**
 * A resolved ordering.
 * @param document the sort document, empty when unordered or random
 * @param random whether the order is random ({@code orderBy("?")})
 * @param joins the relations joined to sort by their fields
 */
record Sort(Document document, boolean random, List<Join> joins) {

	static final Sort NONE = new Sort(new Document(), false, List.of());

	boolean isOrdered() {
		return this.random || !this.document.isEmpty();
	}

	Sort reversed() {
		Document flipped = new Document();
		this.document.forEach((path, direction) -> flipped.append(path, -((Integer) direction)));
		return new Sort(flipped, this.random, this.joins);
	}

}
