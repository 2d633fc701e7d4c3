package io.djongo.spring.test.autoconfigure.library;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.OnDelete;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A book of a genre, which it protects from deletion.
 */
@Document("library_book")
public class Book {

	@Id
	private @Nullable Long id;

	@NotBlank
	private @Nullable String title;

	private int stock;

	@ForeignKey(onDelete = OnDelete.PROTECT, relatedName = "books")
	private @Nullable Genre genre;

	public Book() {
	}

	public Book(String title, Genre genre) {
		this.title = title;
		this.genre = genre;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public int getStock() {
		return this.stock;
	}

	public void setStock(int stock) {
		this.stock = stock;
	}

	public @Nullable Genre getGenre() {
		return this.genre;
	}

	public void setGenre(@Nullable Genre genre) {
		this.genre = genre;
	}

}
