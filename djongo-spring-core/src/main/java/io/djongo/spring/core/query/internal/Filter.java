package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * A compiled condition: always true, never true, or a MongoDB filter. Knowing the first two lets an empty
 * {@code in} or {@code none()} answer without a round trip and {@code exclude(x__in=[])} keep everything.
 */
final class Filter {

	static final Filter TRUE = new Filter(null);

	static final Filter FALSE = new Filter(null);

	private final @Nullable Bson bson;

	private Filter(@Nullable Bson bson) {
		this.bson = bson;
	}

	static Filter of(Bson bson) {
		return new Filter(bson);
	}

	boolean isTrue() {
		return this == TRUE;
	}

	boolean isFalse() {
		return this == FALSE;
	}

	/** The filter document; {@code {}} for TRUE. Must not be called on FALSE. */
	Bson toBson() {
		if (this == FALSE) {
			throw new IllegalStateException("A never-true filter has no MongoDB form");
		}
		return (this.bson != null) ? this.bson : new Document();
	}

	Filter not() {
		if (this == TRUE) {
			return FALSE;
		}
		if (this == FALSE) {
			return TRUE;
		}
		// $nor keeps documents where the field is null or missing, as Django's exclude and ~Q do.
		return of(new Document("$nor", List.of(this.bson)));
	}

	static Filter and(List<Filter> filters) {
		List<Bson> parts = new ArrayList<>();
		for (Filter filter : filters) {
			if (filter.isFalse()) {
				return FALSE;
			}
			if (!filter.isTrue()) {
				parts.add(filter.bson);
			}
		}
		if (parts.isEmpty()) {
			return TRUE;
		}
		return (parts.size() == 1) ? of(parts.get(0)) : of(new Document("$and", parts));
	}

	static Filter or(List<Filter> filters) {
		List<Bson> parts = new ArrayList<>();
		for (Filter filter : filters) {
			if (filter.isTrue()) {
				return TRUE;
			}
			if (!filter.isFalse()) {
				parts.add(filter.bson);
			}
		}
		if (parts.isEmpty()) {
			return FALSE;
		}
		return (parts.size() == 1) ? of(parts.get(0)) : of(new Document("$or", parts));
	}

	@Override
	public String toString() {
		return isTrue() ? "TRUE" : isFalse() ? "FALSE" : String.valueOf(this.bson);
	}

}
