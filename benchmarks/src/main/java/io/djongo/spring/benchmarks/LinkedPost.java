package io.djongo.spring.benchmarks;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.OnDelete;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The same posts as {@link Post}, with the author as a djongo {@link ForeignKey} (stored as {@code author_id}, as
 * {@link Post#getAuthorId()} is): the relation the annotate scenario counts across.
 */
@Document(Post.COLLECTION)
public class LinkedPost {

	@Id
	private @Nullable Long id;

	@NotBlank
	private @Nullable String title;

	@ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "posts")
	private @Nullable Author author;

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public @Nullable Author getAuthor() {
		return this.author;
	}

}
