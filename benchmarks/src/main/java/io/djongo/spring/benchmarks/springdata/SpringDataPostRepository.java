package io.djongo.spring.benchmarks.springdata;

import java.time.Instant;
import java.util.List;

import io.djongo.spring.benchmarks.Post;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * A plain Spring Data MongoDB repository of {@link Post}: the Spring Data contender.
 */
public interface SpringDataPostRepository extends MongoRepository<Post, Long> {

	/** Scenario 2's query as a derived query. */
	List<Post> findByRatingGreaterThanEqualAndTitleStartingWithAndPublishedDateLessThan(int rating, String title,
			Instant before, Pageable page);

}
