package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.query.QuerySet;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Spring Data's {@link Page} of a QuerySet: the Pageable's {@link Sort} as Django orderings (else the QuerySet's own
 * ordering, else the primary key, so that pages neither overlap nor skip), then one command for the content and, only
 * when the content does not tell the total, one count, as Spring Data's repositories do.
 */
final class Paging {

	private Paging() {
	}

	/**
	 * @param byPk whether to order by the primary key when the Pageable has no sort
	 */
	static <T> Page<T> page(QuerySet<T> querySet, Pageable pageable, boolean byPk) {
		QuerySet<T> sorted = querySet;
		if (pageable.getSort().isSorted()) {
			sorted = querySet.orderBy(orderings(pageable.getSort()).toArray(String[]::new));
		}
		else if (byPk && pageable.isPaged()) {
			sorted = querySet.orderBy(PathResolver.PK);
		}
		if (pageable.isUnpaged()) {
			return PageableExecutionUtils.getPage(sorted.list(), pageable, sorted::count);
		}
		int from = toInt(pageable.getOffset(), pageable);
		int to = toInt(pageable.getOffset() + pageable.getPageSize(), pageable);
		List<T> content = sorted.slice(from, to).list();
		return PageableExecutionUtils.getPage(content, pageable, sorted::count);
	}

	/**
	 * A Sort as Django orderings: {@code -} for descending, a property path's dots as {@code __}
	 * ({@code author.name} is {@code author__name}). MongoDB sorts nulls first ascending and cannot sort ignoring
	 * case: an order asking otherwise is refused rather than answered wrongly.
	 */
	static List<String> orderings(Sort sort) {
		List<String> orderings = new ArrayList<>();
		for (Sort.Order order : sort) {
			String field = order.getProperty().replace(".", PathResolver.SEPARATOR);
			if (order.isIgnoreCase()) {
				throw new InvalidDataAccessApiUsageException("Cannot sort by '" + order.getProperty()
						+ "' ignoring case: MongoDB does not sort ignoring case");
			}
			Sort.NullHandling nulls = order.getNullHandling();
			boolean mongoNulls = nulls == Sort.NullHandling.NATIVE
					|| (nulls == Sort.NullHandling.NULLS_FIRST) == order.isAscending();
			if (!mongoNulls) {
				throw new InvalidDataAccessApiUsageException("Cannot sort by '" + order.getProperty() + "' with "
						+ nulls + ": MongoDB sorts nulls first ascending and last descending");
			}
			orderings.add((order.isDescending() ? "-" : "") + field);
		}
		return orderings;
	}

	private static int toInt(long index, Pageable pageable) {
		if (index > Integer.MAX_VALUE) {
			throw new InvalidDataAccessApiUsageException("Page " + pageable.getPageNumber() + " of size "
					+ pageable.getPageSize() + " starts beyond the largest offset a QuerySet slices (2^31 - 1)");
		}
		return (int) index;
	}

}
