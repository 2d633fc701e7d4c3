package io.djongo.spring.core.relation.deletion;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("del_author")
public class Author {

	@Id
	@Nullable Long id;

	@Nullable String name;

	public Author() {
	}

	public Author(@Nullable Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public @Nullable String getName() {
		return this.name;
	}

	@Override
	public String toString() {
		return "Author " + this.name;
	}

}
