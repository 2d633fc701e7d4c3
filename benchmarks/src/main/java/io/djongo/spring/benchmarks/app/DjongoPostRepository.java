package io.djongo.spring.benchmarks.app;

import io.djongo.spring.benchmarks.Post;
import io.djongo.spring.core.repository.DjongoRepository;

/**
 * The djongo repository of {@link Post}: the djongo contender.
 */
public interface DjongoPostRepository extends DjongoRepository<Post, Long> {

}
