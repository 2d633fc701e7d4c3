package io.djongo.spring.samples.blog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * djongo's seed model: an entry with an ObjectId.
 */
@Document
public class Entry {

	@Id
	private @Nullable ObjectId id;

	@NotBlank
	@Size(max = 255)
	private @Nullable String headline;

	public @Nullable ObjectId getId() {
		return this.id;
	}

	public void setId(@Nullable ObjectId id) {
		this.id = id;
	}

	public @Nullable String getHeadline() {
		return this.headline;
	}

	public void setHeadline(@Nullable String headline) {
		this.headline = headline;
	}

}
