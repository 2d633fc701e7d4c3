package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Q;

/**
 * Rewrites conditions on a relation ({@code post__rating__gte}) into conditions on the related documents
 * ({@code rating__gte}), to restrict a join.
 */
final class Relations {

	private Relations() {
	}

	/** The condition with the relation's prefix removed from every lookup; every lookup must go through it. */
	static Q strip(Q condition, String relation, Scope scope) {
		Q result;
		if (condition.isLeaf()) {
			String lookup = condition.lookup();
			if (lookup == null) {
				throw new FieldError("The filter of an aggregate over '" + relation + "' on " + scope.model().name()
						+ " must be made of lookups through '" + relation + "', not " + condition.expression());
			}
			String prefix = relation + PathResolver.SEPARATOR;
			if (lookup.equals(relation)) {
				result = Q.of(PathResolver.PK, condition.value());
			}
			else if (lookup.startsWith(prefix)) {
				result = Q.of(lookup.substring(prefix.length()), condition.value());
			}
			else {
				throw new FieldError("The filter of an aggregate over '" + relation + "' on " + scope.model().name()
						+ " must look through '" + relation + "', but '" + lookup + "' does not");
			}
		}
		else {
			List<Q> children = new ArrayList<>();
			for (Q child : condition.children()) {
				children.add(strip(child, relation, scope));
			}
			Q[] array = children.toArray(Q[]::new);
			result = (condition.connector() == Q.Connector.AND) ? Q.and(array) : Q.or(array);
		}
		return condition.isNegated() ? result.not() : result;
	}

	/**
	 * The lookups of a filter condition that go through the relation and must hold: the condition itself when it is
	 * one, else the non-negated ones among the conditions it ANDs.
	 */
	static List<Q> leavesOn(Q condition, String relation) {
		List<Q> result = new ArrayList<>();
		if (condition.isNegated()) {
			return result;
		}
		List<Q> candidates = condition.isLeaf() ? List.of(condition)
				: (condition.connector() == Q.Connector.AND) ? condition.children() : List.of();
		String prefix = relation + PathResolver.SEPARATOR;
		for (Q candidate : candidates) {
			String lookup = candidate.lookup();
			if (lookup != null && !candidate.isNegated()) {
				if (lookup.equals(relation)) {
					result.add(Q.of(PathResolver.PK, candidate.value()));
				}
				else if (lookup.startsWith(prefix)) {
					result.add(Q.of(lookup.substring(prefix.length()), candidate.value()));
				}
			}
		}
		return result;
	}

}
