package io.djongo.spring.samples.blog;

import io.djongo.spring.core.repository.DjongoRepository;

/**
 * Authors, with auto-increment ids.
 */
public interface AuthorRepository extends DjongoRepository<Author, Long> {

}
