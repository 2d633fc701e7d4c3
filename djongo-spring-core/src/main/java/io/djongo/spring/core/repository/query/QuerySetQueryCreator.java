package io.djongo.spring.core.repository.query;

import java.util.Iterator;
import java.util.List;

import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.ParameterAccessor;
import org.springframework.data.repository.query.parser.AbstractQueryCreator;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Spring Data's query derivation with Django's lookups as output: each {@link Part} of a method name becomes a
 * {@link Q} ({@code TitleContainingIgnoreCase} is {@code title__icontains}), and the whole tree a {@link QuerySet}
 * that stays lazy and chainable. Keywords keep Spring Data's meaning ({@code Between} excludes its bounds).
 */
final class QuerySetQueryCreator<T> extends AbstractQueryCreator<QuerySet<T>, Q> {

	/** Django's separator between the parts of a lookup, where Spring Data's property paths have a dot. */
	private static final String SEPARATOR = "__";

	private final QuerySet<T> base;

	private final PartTree tree;

	QuerySetQueryCreator(PartTree tree, ParameterAccessor parameters, QuerySet<T> base) {
		super(tree, parameters);
		this.tree = tree;
		this.base = base;
	}

	@Override
	protected Q create(Part part, Iterator<Object> values) {
		String path = part.getProperty().toDotPath().replace(".", SEPARATOR);
		boolean ignoreCase = part.shouldIgnoreCase() != Part.IgnoreCaseType.NEVER;
		return switch (part.getType()) {
			case SIMPLE_PROPERTY -> Q.of(path + (ignoreCase ? "__iexact" : ""), values.next());
			case NEGATING_SIMPLE_PROPERTY -> Q.of(path + (ignoreCase ? "__iexact" : ""), values.next()).not();
			case GREATER_THAN, AFTER -> Q.of(path + "__gt", values.next());
			case GREATER_THAN_EQUAL -> Q.of(path + "__gte", values.next());
			case LESS_THAN, BEFORE -> Q.of(path + "__lt", values.next());
			case LESS_THAN_EQUAL -> Q.of(path + "__lte", values.next());
			case BETWEEN -> Q.of(path + "__gt", values.next()).and(Q.of(path + "__lt", values.next()));
			case IS_NULL -> Q.of(path + "__isnull", true);
			case IS_NOT_NULL -> Q.of(path + "__isnull", false);
			case EXISTS -> Q.of(path + "__isnull", !Boolean.TRUE.equals(values.next()));
			case TRUE -> Q.of(path, true);
			case FALSE -> Q.of(path, false);
			case IN -> Q.of(path + "__in", values.next());
			case NOT_IN -> Q.of(path + "__in", values.next()).not();
			case STARTING_WITH -> Q.of(path + (ignoreCase ? "__istartswith" : "__startswith"), values.next());
			case ENDING_WITH -> Q.of(path + (ignoreCase ? "__iendswith" : "__endswith"), values.next());
			case CONTAINING, LIKE -> containing(part, path, ignoreCase, values.next());
			case NOT_CONTAINING, NOT_LIKE -> containing(part, path, ignoreCase, values.next()).not();
			case REGEX -> Q.of(path + (ignoreCase ? "__iregex" : "__regex"), values.next());
			default -> throw new InvalidDataAccessApiUsageException("The keyword " + part.getType()
					+ " of derived query '" + this.tree + "' is not supported for QuerySet results; declare the method"
					+ " with another return type or build the QuerySet with objects()");
		};
	}

	/** {@code Containing} on a list means "has this element"; on a string, "contains this text". */
	private Q containing(Part part, String path, boolean ignoreCase, @Nullable Object value) {
		if (part.getProperty().getLeafProperty().isCollection()) {
			return Q.of(path, value);
		}
		return Q.of(path + (ignoreCase ? "__icontains" : "__contains"), value);
	}

	@Override
	protected Q and(Part part, Q base, Iterator<Object> values) {
		return base.and(create(part, values));
	}

	@Override
	protected Q or(Q base, Q criteria) {
		return base.or(criteria);
	}

	@Override
	protected QuerySet<T> complete(@Nullable Q criteria, Sort sort) {
		QuerySet<T> result = (criteria != null) ? this.base.filter(criteria) : this.base;
		if (sort.isSorted()) {
			List<String> ordering = sort.stream()
				.map((order) -> (order.isDescending() ? "-" : "") + order.getProperty().replace(".", SEPARATOR))
				.toList();
			result = result.orderBy(ordering.toArray(String[]::new));
		}
		if (this.tree.isDistinct()) {
			result = result.distinct();
		}
		Integer limit = this.tree.getMaxResults();
		if (limit != null) {
			result = result.slice(0, limit);
		}
		return result;
	}

}
