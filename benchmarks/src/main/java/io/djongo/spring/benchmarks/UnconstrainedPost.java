package io.djongo.spring.benchmarks;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The same post as {@link Post}, without Bean Validation constraints: what djongo's bulk create costs when there is
 * nothing to validate.
 */
@Document(UnconstrainedPost.COLLECTION)
public class UnconstrainedPost {

	static final String COLLECTION = "unconstrained_post";

	@Id
	private @Nullable Long id;

	private @Nullable String title;

	private @Nullable String body;

	private @Nullable Integer rating;

	private int views;

	private @Nullable Instant publishedDate;

	private @Nullable List<String> tags;

	@Field("author_id")
	private @Nullable Long authorId;

	public UnconstrainedPost() {
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
