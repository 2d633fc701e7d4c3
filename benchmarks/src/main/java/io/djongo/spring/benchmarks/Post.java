package io.djongo.spring.benchmarks;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The benchmarks' model, one class for all three contenders: Spring Data and djongo map its fields, the driver's
 * POJO codec its getters and setters; both store {@code authorId} as {@code author_id}.
 */
@Document(Post.COLLECTION)
public class Post {

	static final String COLLECTION = "post";

	@Id
	private @Nullable Long id;

	@NotBlank
	@Size(max = 255)
	private @Nullable String title;

	@Size(max = 10_000)
	private @Nullable String body;

	@Min(1)
	@Max(5)
	private @Nullable Integer rating;

	private int views;

	private @Nullable Instant publishedDate;

	private @Nullable List<String> tags;

	@Field("author_id")
	private @Nullable Long authorId;

	public Post() {
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

	public @Nullable Instant getPublishedDate() {
		return this.publishedDate;
	}

	public void setPublishedDate(@Nullable Instant publishedDate) {
		this.publishedDate = publishedDate;
	}

	public @Nullable List<String> getTags() {
		return this.tags;
	}

	public void setTags(@Nullable List<String> tags) {
		this.tags = tags;
	}

	@BsonProperty("author_id")
	public @Nullable Long getAuthorId() {
		return this.authorId;
	}

	@BsonProperty("author_id")
	public void setAuthorId(@Nullable Long authorId) {
		this.authorId = authorId;
	}

}
