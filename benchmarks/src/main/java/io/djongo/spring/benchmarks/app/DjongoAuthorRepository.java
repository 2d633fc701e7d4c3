package io.djongo.spring.benchmarks.app;

import io.djongo.spring.benchmarks.Author;
import io.djongo.spring.core.repository.DjongoRepository;

/**
 * The djongo repository of {@link Author}s.
 */
public interface DjongoAuthorRepository extends DjongoRepository<Author, Long> {

}
