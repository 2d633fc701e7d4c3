package io.djongo.spring.core.relation.deletion;

import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.relation.OneToOne;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("del_profile")
public class Profile {

	@Id
	@Nullable Long id;

	@Nullable String bio;

	@OneToOne(onDelete = OnDelete.SET_NULL)
	@Nullable Author author;

	public Profile() {
	}

	public Profile(@Nullable Long id, String bio, @Nullable Author author) {
		this.id = id;
		this.bio = bio;
		this.author = author;
	}

}
