package io.djongo.spring.test.autoconfigure.library;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A genre of books; its name is unique.
 */
@Document("library_genre")
public class Genre {

	@Id
	private @Nullable Long id;

	@NotBlank
	@Indexed(unique = true)
	private @Nullable String name;

	public Genre() {
	}

	public Genre(String name) {
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
