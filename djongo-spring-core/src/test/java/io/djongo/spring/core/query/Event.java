package io.djongo.spring.core.query;

import io.djongo.spring.core.model.Model;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A capped model: what {@code tail()} follows. */
@Document("qs_event")
@Model(capped = true, maxSize = 65536, maxDocuments = 100)
public class Event {

	@Id
	public String id;

	public String kind;

	public int n;

	public Event() {
	}

	public Event(String kind, int n) {
		this.kind = kind;
		this.n = n;
	}

	@Override
	public String toString() {
		return this.kind + " " + this.n;
	}

}
