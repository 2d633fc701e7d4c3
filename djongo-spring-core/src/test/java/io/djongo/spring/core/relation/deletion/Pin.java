package io.djongo.spring.core.relation.deletion;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.OnDelete;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A post pinned on the front page: protects the post from deletion.
 */
@Document("del_pin")
public class Pin {

	@Id
	@Nullable Long id;

	@ForeignKey(onDelete = OnDelete.PROTECT, relatedName = "pins")
	@Nullable Post post;

	public Pin() {
	}

	public Pin(@Nullable Long id, Post post) {
		this.id = id;
		this.post = post;
	}

	@Override
	public String toString() {
		return "Pin " + this.id;
	}

}
