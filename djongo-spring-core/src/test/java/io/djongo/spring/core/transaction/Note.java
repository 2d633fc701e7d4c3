package io.djongo.spring.core.transaction;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("tx_note")
public class Note {

	@Id
	@Nullable Long id;

	@NotBlank
	@Nullable String text;

	int likes;

	public Note() {
	}

	public Note(String text) {
		this.text = text;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable String getText() {
		return this.text;
	}

	public int getLikes() {
		return this.likes;
	}

}
