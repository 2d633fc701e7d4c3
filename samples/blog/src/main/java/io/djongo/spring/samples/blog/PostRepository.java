package io.djongo.spring.samples.blog;

import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.repository.DjongoRepository;

/**
 * Posts: Spring Data's repository plus {@code objects()}.
 */
public interface PostRepository extends DjongoRepository<Post, Long> {

	/** A derived query returning a lazy QuerySet: {@code title__icontains}, chainable further. */
	QuerySet<Post> findByTitleContainingIgnoreCase(String text);

}
