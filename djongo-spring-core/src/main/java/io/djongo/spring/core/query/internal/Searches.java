package io.djongo.spring.core.query.internal;

import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.InvalidLookupException;
import org.jspecify.annotations.Nullable;

/**
 * What a QuerySet asks of MongoDB's geo and text indexes, each of which a query may use once: the one
 * {@code $geoNear} stage (first in the pipeline), whether it searches text ({@code $text}, in the first stage) and
 * whether it reads the text score. MongoDB's rules are checked as the steps are added: one text search, and never
 * a text search with {@code $geoNear}.
 *
 * @param geoNear the {@code $geoNear} stage, or null
 * @param text whether the QuerySet searches text
 * @param textScore whether it reads the text score ({@code TextScore})
 */
record Searches(@Nullable GeoNear geoNear, boolean text, boolean textScore) {

	static final Searches NONE = new Searches(null, false, false);

	/** These and what a step uses. */
	Searches with(Uses uses, ModelMetadata model) {
		GeoNear near = this.geoNear;
		GeoNear more = uses.geoNear();
		if (more != null) {
			near = (near != null) ? near.merge(more) : more;
		}
		if (this.text && uses.isText()) {
			throw new InvalidLookupException(oneSearch(model));
		}
		boolean searches = this.text || uses.isText();
		if (searches && near != null) {
			throw new InvalidLookupException(model.name() + ": a text search cannot be combined with near or "
					+ "GeoDistance (" + near.description() + "): MongoDB's $geoNear cannot hold $text");
		}
		return new Searches(near, searches, this.textScore || uses.readsTextScore());
	}

	/** The refusal of a second text search. */
	static String oneSearch(ModelMetadata model) {
		return model.name() + ": one text search per QuerySet (MongoDB allows one $text per query); put every word and"
				+ " phrase in one search string";
	}

	boolean any() {
		return this.geoNear != null || this.text || this.textScore;
	}

}
