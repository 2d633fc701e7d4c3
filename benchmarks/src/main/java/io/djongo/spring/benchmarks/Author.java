package io.djongo.spring.benchmarks;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An author of {@link Post}s, for the annotate scenario (posts counted per author).
 */
@Document(Author.COLLECTION)
public class Author {

	static final String COLLECTION = "author";

	@Id
	private @Nullable Long id;

	@NotBlank
	private @Nullable String name;

	/** The number of posts, set by the annotate scenario. */
	@Transient
	private @Nullable Long numPosts;

	public Author() {
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Long getNumPosts() {
		return this.numPosts;
	}

	public void setNumPosts(@Nullable Long numPosts) {
		this.numPosts = numPosts;
	}

}
