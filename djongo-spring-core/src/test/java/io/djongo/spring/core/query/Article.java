package io.djongo.spring.core.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.EmbeddedField;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The QuerySet tests' model: every kind of field a lookup can meet.
 */
@Document("qs_article")
public class Article {

	public enum Status {

		DRAFT, PUBLISHED

	}

	@Id
	@Nullable Long id;

	@Nullable String title;

	@Field("text")
	@Nullable String body;

	@Nullable Integer rating;

	int views;

	@Nullable Instant publishedDate;

	@Nullable LocalDate day;

	@Nullable Status status;

	@Nullable BigDecimal price;

	List<String> tags = new ArrayList<>();

	@EmbeddedField
	@Nullable Blog blog;

	@ArrayField
	@Nullable List<Blog> blogs;

	@Nullable Map<String, Object> meta;

	@Transient
	@Nullable Integer numTags;

	@Transient
	@Nullable Long total;

	public Article() {
	}

	Article(long id, String title) {
		this.id = id;
		this.title = title;
	}

	Article rating(@Nullable Integer rating) {
		this.rating = rating;
		return this;
	}

	Article views(int views) {
		this.views = views;
		return this;
	}

	Article published(@Nullable String instant) {
		this.publishedDate = (instant != null) ? Instant.parse(instant) : null;
		return this;
	}

	Article body(@Nullable String body) {
		this.body = body;
		return this;
	}

	Article tags(String... tags) {
		this.tags = new ArrayList<>(List.of(tags));
		return this;
	}

	Article blog(@Nullable Blog blog) {
		this.blog = blog;
		return this;
	}

	Article blogs(Blog... blogs) {
		this.blogs = new ArrayList<>(List.of(blogs));
		return this;
	}

	Article status(Status status) {
		this.status = status;
		return this;
	}

	Article price(String price) {
		this.price = new BigDecimal(price);
		return this;
	}

	Article meta(Map<String, Object> meta) {
		this.meta = meta;
		return this;
	}

	Article day(String day) {
		this.day = LocalDate.parse(day);
		return this;
	}

	@Override
	public String toString() {
		return "Article[" + this.id + " " + this.title + "]";
	}

}
