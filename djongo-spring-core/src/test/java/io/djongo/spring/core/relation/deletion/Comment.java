package io.djongo.spring.core.relation.deletion;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.OnDelete;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Django's Song of the RESTRICT example: deleted with its post, restricting the deletion of its author unless the
 * same deletion reaches it through its post.
 */
@Document("del_comment")
public class Comment {

	@Id
	@Nullable Long id;

	@Nullable String text;

	@ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "comments")
	@Nullable Post post;

	@ForeignKey(onDelete = OnDelete.RESTRICT, relatedName = "authoredComments")
	@Nullable Author author;

	public Comment() {
	}

	public Comment(@Nullable Long id, String text, Post post, @Nullable Author author) {
		this.id = id;
		this.text = text;
		this.post = post;
		this.author = author;
	}

	@Override
	public String toString() {
		return "Comment " + this.text;
	}

}
