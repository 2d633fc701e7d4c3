package io.djongo.spring.core.django;

import java.util.List;

import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.model.Storage;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

/** Django's {@code class Author(models.Model): name = CharField(max_length=100)} in app {@code blog}. */
@Document("blog_author")
@Model(storage = Storage.DJANGO)
public class Author {

	@Id
	Long id;

	String name;

	/** The reverse side of {@code Post.author}, for prefetchRelated("post"). */
	@Transient
	List<Post> post;

	public Author() {
	}

	public Author(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	@Override
	public String toString() {
		return "Author " + this.id + " " + this.name;
	}

}
