package io.djongo.spring.core.relation.deletion;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("del_tag")
public class Tag {

	@Id
	@Nullable Long id;

	@Nullable String name;

	public Tag() {
	}

	public Tag(@Nullable Long id, String name) {
		this.id = id;
		this.name = name;
	}

}
