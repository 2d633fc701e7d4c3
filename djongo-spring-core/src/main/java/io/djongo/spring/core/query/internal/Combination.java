package io.djongo.spring.core.query.internal;

import java.util.List;
import java.util.Locale;

import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * How {@code union()}, {@code intersection()} or {@code difference()} made a plan.
 * @param kind the combinator
 * @param all whether a union keeps repeated results ({@code UNION ALL})
 * @param pipeline the stages that make the combined documents when no filter on the collection expresses them
 * ({@code $unionWith}, which needs MongoDB 4.4+); null when the plan's own filter does
 */
record Combination(Kind kind, boolean all, @Nullable List<Bson> pipeline) {

	/** The combinators, as Django names them. */
	enum Kind {

		UNION, INTERSECTION, DIFFERENCE;

		/** The method's name, as in Django's messages. */
		String method() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Django's refusal of a chain call after a combinator. */
	String notSupported(String operation) {
		return "Calling QuerySet." + operation + "() after " + this.kind.method() + "() is not supported.";
	}

}
