package io.djongo.spring.core.query.internal;

import java.util.List;

/**
 * The relations fetched with the results.
 * @param select the relations joined into the same command ({@code selectRelated}), as named
 * @param selectJoins their joins, merged
 * @param selectAliases the aliases of the joined documents kept in the results
 * @param prefetch the relations fetched with one more command each ({@code prefetchRelated})
 */
record Related(List<String> select, List<Join> selectJoins, List<String> selectAliases,
		List<Prefetcher.Plan> prefetch) {

	static final Related NONE = new Related(List.of(), List.of(), List.of(), List.of());

}
