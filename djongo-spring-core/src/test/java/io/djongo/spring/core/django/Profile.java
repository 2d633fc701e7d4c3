package io.djongo.spring.core.django;

import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.relation.OneToOne;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** {@code class Profile(models.Model): author = OneToOneField(Author, on_delete=CASCADE); bio = TextField()}. */
@Document("blog_profile")
@Model(storage = Storage.DJANGO)
public class Profile {

	@Id
	Long id;

	@OneToOne(onDelete = OnDelete.CASCADE)
	Author author;

	String bio;

	public Profile() {
	}

	public Profile(Author author, String bio) {
		this.author = author;
		this.bio = bio;
	}

}
