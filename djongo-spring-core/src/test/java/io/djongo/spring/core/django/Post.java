package io.djongo.spring.core.django;

import java.math.BigDecimal;
import java.util.List;

import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OnDelete;
import jakarta.validation.constraints.Digits;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The Django model:
 * <pre>
 * class Post(models.Model):
 *     title = models.CharField(max_length=200)
 *     rating = models.IntegerField(null=True)
 *     author = models.ForeignKey(Author, on_delete=models.CASCADE)
 *     stats = models.EmbeddedField(model_container=Stats)
 *     comments = models.ArrayField(model_container=Comment)
 *     score = models.DecimalField(max_digits=5, decimal_places=2)
 *     tags = models.ManyToManyField(Tag)
 * </pre>
 */
@Document("blog_post")
@Model(storage = Storage.DJANGO)
public class Post {

	@Id
	Long id;

	String title;

	Integer rating;

	@ForeignKey(onDelete = OnDelete.CASCADE)
	Author author;

	@EmbeddedField
	Stats stats;

	@ArrayField
	List<Comment> comments;

	@Digits(integer = 3, fraction = 2)
	BigDecimal score;

	@ManyToMany
	List<Tag> tags;

	public Post() {
	}

	public Post(String title, Author author) {
		this.title = title;
		this.author = author;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Integer getRating() {
		return this.rating;
	}

	public Author getAuthor() {
		return this.author;
	}

	public List<Tag> getTags() {
		return this.tags;
	}

	@Override
	public String toString() {
		return "Post " + this.id + " " + this.title;
	}

}
