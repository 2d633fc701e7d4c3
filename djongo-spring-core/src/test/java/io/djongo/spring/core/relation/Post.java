package io.djongo.spring.core.relation;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("rel_post")
public class Post {

	@Id
	@Nullable Long id;

	@Nullable String title;

	@Nullable Integer rating;

	@ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "posts")
	@Nullable Author author;

	@ManyToMany
	List<Tag> tags = new ArrayList<>();

	@Transient
	@Nullable Integer numTags;

	public Post() {
	}

	public Post(long id, String title, @Nullable Integer rating, @Nullable Author author, Tag... tags) {
		this.id = id;
		this.title = title;
		this.rating = rating;
		this.author = author;
		this.tags = new ArrayList<>(List.of(tags));
	}

	public @Nullable Author getAuthor() {
		return this.author;
	}

	public List<Tag> getTags() {
		return this.tags;
	}

}
