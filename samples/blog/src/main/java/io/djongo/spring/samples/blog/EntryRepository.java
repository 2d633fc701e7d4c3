package io.djongo.spring.samples.blog;

import io.djongo.spring.core.repository.DjongoRepository;
import org.bson.types.ObjectId;

/**
 * Entries, keyed by ObjectId.
 */
public interface EntryRepository extends DjongoRepository<Entry, ObjectId> {

}
