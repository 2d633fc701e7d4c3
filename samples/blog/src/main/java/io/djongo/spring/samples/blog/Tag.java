package io.djongo.spring.samples.blog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tag; posts refer to tags through a many-to-many field, stored in the post as an array of tag ids.
 */
@Document("blog_tag")
public class Tag {

	@Id
	private @Nullable Long id;

	@NotBlank
	@Size(max = 50)
	private @Nullable String name;

	public Tag() {
	}

	public Tag(String name) {
		this.name = name;
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

}
