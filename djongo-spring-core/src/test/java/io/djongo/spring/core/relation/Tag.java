package io.djongo.spring.core.relation;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("rel_tag")
public class Tag {

	@Id
	@Nullable Long id;

	@Nullable String name;

	public Tag() {
	}

	public Tag(long id, String name) {
		this.id = id;
		this.name = name;
	}

	public @Nullable String getName() {
		return this.name;
	}

}
