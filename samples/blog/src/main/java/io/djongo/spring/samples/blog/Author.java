package io.djongo.spring.samples.blog;

import io.djongo.spring.core.gridfs.ImageField;
import io.djongo.spring.core.gridfs.StoredFile;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A blog author with an avatar image in the {@code avatars} storage (GridFS bucket {@code myfiles}). A new avatar
 * replaces the old file, and deleting the author deletes it, and the author's posts (their foreign key cascades).
 */
@Document("blog_author")
public class Author {

	@Id
	private @Nullable Long id;

	@NotBlank
	@Size(max = 100)
	private @Nullable String name;

	@ImageField(storage = "avatars", uploadTo = "avatars/", deleteOnReplace = true, deleteWithModel = true)
	private @Nullable StoredFile avatar;

	/** Set by {@code annotate("numPosts", Count.of("posts"))}; not stored. */
	@Transient
	private @Nullable Integer numPosts;

	public Author() {
	}

	public Author(String name) {
		this.name = name;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable StoredFile getAvatar() {
		return this.avatar;
	}

	public void setAvatar(@Nullable StoredFile avatar) {
		this.avatar = avatar;
	}

	public @Nullable Integer getNumPosts() {
		return this.numPosts;
	}

}
