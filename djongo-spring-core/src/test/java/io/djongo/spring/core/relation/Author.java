package io.djongo.spring.core.relation;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("rel_author")
public class Author {

	@Id
	@Nullable Long id;

	@Nullable String name;

	@Transient
	@Nullable List<Post> posts;

	public Author() {
	}

	public Author(long id, String name) {
		this.id = id;
		this.name = name;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable String getName() {
		return this.name;
	}

}
