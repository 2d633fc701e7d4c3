package io.djongo.spring.core.relation;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("rel_group")
public class Group {

	@Id
	@Nullable Long id;

	@Nullable String name;

	public Group() {
	}

	public Group(long id, String name) {
		this.id = id;
		this.name = name;
	}

}
