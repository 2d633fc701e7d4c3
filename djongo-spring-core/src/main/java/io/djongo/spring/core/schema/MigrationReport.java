package io.djongo.spring.core.schema;

import java.util.List;

/**
 * What {@code --djongo.migrate} did.
 *
 * @param createdCollections the collections created
 * @param indexes the state of every declared index
 * @param validators what was done with each validator; empty when {@code djongo.schema.validation} is off
 * @param sharded the collections sharded by their {@code @Sharded} key (on a sharded cluster only)
 */
public record MigrationReport(List<String> createdCollections, List<IndexState> indexes,
		List<ValidatorState> validators, List<String> sharded) {
}
