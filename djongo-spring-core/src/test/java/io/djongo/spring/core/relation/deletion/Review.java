package io.djongo.spring.core.relation.deletion;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.OnDelete;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A review of a post: when its reviewer goes, the review falls back to the anonymous author (id 0); when its post
 * goes, it stays with a dangling reference.
 */
@Document("del_review")
public class Review {

	static final long ANONYMOUS = 0L;

	@Id
	@Nullable Long id;

	@ForeignKey(onDelete = OnDelete.SET_DEFAULT, relatedName = "reviews", nullable = false)
	Author reviewer = new Author(ANONYMOUS, "Anonymous");

	@ForeignKey(onDelete = OnDelete.DO_NOTHING, relatedName = "reviews")
	@Nullable Post post;

	public Review() {
	}

	public Review(@Nullable Long id, Author reviewer, Post post) {
		this.id = id;
		this.reviewer = reviewer;
		this.post = post;
	}

}
