package io.djongo.spring.samples.blog;

import io.djongo.spring.core.repository.DjongoRepository;

/**
 * Posts: Spring Data's repository plus {@code objects()}.
 */
public interface PostRepository extends DjongoRepository<Post, Long> {

}
