package io.djongo.spring.core.relation.deletion;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OnDelete;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("del_post")
public class Post {

	@Id
	@Nullable Long id;

	@Nullable String title;

	@ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "posts")
	@Nullable Author author;

	@ManyToMany
	List<Tag> tags = new ArrayList<>();

	public Post() {
	}

	public Post(@Nullable Long id, String title, @Nullable Author author, Tag... tags) {
		this.id = id;
		this.title = title;
		this.author = author;
		this.tags = new ArrayList<>(List.of(tags));
	}

	@Override
	public String toString() {
		return "Post " + this.title;
	}

}
