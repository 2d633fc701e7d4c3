package io.djongo.spring.core.django;

import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.OnDelete;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * {@code class Note(models.Model): text = TextField(); words = BigIntegerField(default=0);
 * author = ForeignKey(Author, null=True, on_delete=SET_NULL)}.
 */
@Document("blog_note")
@Model(storage = Storage.DJANGO)
public class Note {

	@Id
	Long id;

	String text;

	long words;

	@ForeignKey(onDelete = OnDelete.SET_NULL, relatedName = "notes")
	Author author;

	public Note() {
	}

	public Note(String text, Author author) {
		this.text = text;
		this.author = author;
	}

}
