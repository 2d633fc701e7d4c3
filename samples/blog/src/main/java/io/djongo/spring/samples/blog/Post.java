package io.djongo.spring.samples.blog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OnDelete;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A blog post; its {@code Long} id is assigned on first save, as Django's AutoField. Its author is a foreign key
 * (stored as {@code author_id}, deleted with the author), its tags a many-to-many field (an array of tag ids).
 */
@Document("blog_post")
public class Post {

	@Id
	private @Nullable Long id;

	@NotBlank
	@Size(max = 255)
	private @Nullable String title;

	private @Nullable String body;

	private @Nullable Instant publishedDate;

	@Min(1)
	@Max(5)
	private @Nullable Integer rating;

	private int views;

	@ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "posts")
	private @Nullable Author author;

	@ManyToMany
	private List<Tag> tags = new ArrayList<>();

	public Post() {
	}

	public Post(String title, String body, Instant publishedDate) {
		this.title = title;
		this.body = body;
		this.publishedDate = publishedDate;
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

	public @Nullable String getBody() {
		return this.body;
	}

	public void setBody(@Nullable String body) {
		this.body = body;
	}

	public @Nullable Instant getPublishedDate() {
		return this.publishedDate;
	}

	public void setPublishedDate(@Nullable Instant publishedDate) {
		this.publishedDate = publishedDate;
	}

	public @Nullable Integer getRating() {
		return this.rating;
	}

	public void setRating(@Nullable Integer rating) {
		this.rating = rating;
	}

	public int getViews() {
		return this.views;
	}

	public void setViews(int views) {
		this.views = views;
	}

	public @Nullable Author getAuthor() {
		return this.author;
	}

	public void setAuthor(@Nullable Author author) {
		this.author = author;
	}

	public List<Tag> getTags() {
		return this.tags;
	}

	public void setTags(List<Tag> tags) {
		this.tags = tags;
	}

}
