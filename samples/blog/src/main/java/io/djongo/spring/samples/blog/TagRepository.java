package io.djongo.spring.samples.blog;

import io.djongo.spring.core.repository.DjongoRepository;

/**
 * Tags.
 */
public interface TagRepository extends DjongoRepository<Tag, Long> {

}
