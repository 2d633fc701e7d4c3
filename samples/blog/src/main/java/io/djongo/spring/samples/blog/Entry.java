package io.djongo.spring.samples.blog;

import java.util.List;

import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.Validators;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * djongo's seed model: an entry with an ObjectId, one embedded blog that must be there and hold something, a list of
 * embedded blogs, and a headline checked by a validator function.
 */
@Document
public class Entry {

	@Id
	private @Nullable ObjectId id;

	@EmbeddedField(nullable = false, blank = false)
	private @Nullable Blog blog;

	@ArrayField
	private @Nullable List<Blog> blogs;

	@NotBlank
	@Size(max = 255)
	@Validators(ScriptInjection.class)
	private @Nullable String headline;

	public @Nullable ObjectId getId() {
		return this.id;
	}

	public void setId(@Nullable ObjectId id) {
		this.id = id;
	}

	public @Nullable Blog getBlog() {
		return this.blog;
	}

	public void setBlog(@Nullable Blog blog) {
		this.blog = blog;
	}

	public @Nullable List<Blog> getBlogs() {
		return this.blogs;
	}

	public void setBlogs(@Nullable List<Blog> blogs) {
		this.blogs = blogs;
	}

	public @Nullable String getHeadline() {
		return this.headline;
	}

	public void setHeadline(@Nullable String headline) {
		this.headline = headline;
	}

}
