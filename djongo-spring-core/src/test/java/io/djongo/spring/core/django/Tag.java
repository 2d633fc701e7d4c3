package io.djongo.spring.core.django;

import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.model.Storage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Django's {@code class Tag(models.Model): name = CharField(max_length=50)}. */
@Document("blog_tag")
@Model(storage = Storage.DJANGO)
public class Tag {

	@Id
	Long id;

	String name;

	public Tag() {
	}

	public Tag(String name) {
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
		return "Tag " + this.id + " " + this.name;
	}

}
