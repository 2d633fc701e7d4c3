package io.djongo.spring.benchmarks.app;

import io.djongo.spring.benchmarks.UnconstrainedPost;
import io.djongo.spring.core.repository.DjongoRepository;

/**
 * The djongo repository of {@link UnconstrainedPost}: the djongo contender without constraints.
 */
public interface DjongoUnconstrainedPostRepository extends DjongoRepository<UnconstrainedPost, Long> {

}
