package io.djongo.spring.core.bulk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("bulk_entry")
public class Entry {

	@Id
	@Nullable Long id;

	@NotBlank
	@Size(max = 20)
	@Nullable String title;

	@Nullable String slug;

	@Nullable Integer rating;

	int views;

	public Entry() {
	}

	public Entry(String title, String slug) {
		this.title = title;
		this.slug = slug;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public @Nullable Integer getRating() {
		return this.rating;
	}

	public int getViews() {
		return this.views;
	}

}
