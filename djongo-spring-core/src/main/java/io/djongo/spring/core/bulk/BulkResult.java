package io.djongo.spring.core.bulk;

import java.util.List;
import java.util.Map;

/**
 * What a bulk write did, as the server counted it.
 * @param inserted documents inserted
 * @param matched documents the updates and replacements matched
 * @param modified documents they changed (a document set to the values it had is matched, not modified)
 * @param deleted documents deleted
 * @param upserted documents inserted by upserts
 * @param insertedIds the id of each document inserted, by the position of its operation
 * @param upsertedIds the id of each document an upsert inserted, by the position of its operation
 * @param errors the operations refused, in order: with {@code ordered(true)} (the default) at most one, and nothing
 * after it was attempted; unordered, every operation but these was attempted
 */
public record BulkResult(long inserted, long matched, long modified, long deleted, long upserted,
		Map<Integer, Object> insertedIds, Map<Integer, Object> upsertedIds, List<BulkError> errors) {

	public BulkResult {
		insertedIds = Map.copyOf(insertedIds);
		upsertedIds = Map.copyOf(upsertedIds);
		errors = List.copyOf(errors);
	}

}
