package io.djongo.spring.core.query;

import io.djongo.spring.core.model.Model;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("qs_ordered_note")
@Model(ordering = "-id")
public class OrderedNote {

	@Id
	Long id;

	String text;

	public OrderedNote() {
	}

	OrderedNote(Long id, String text) {
		this.id = id;
		this.text = text;
	}

}
