package io.djongo.spring.core.schema.indexes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.index.TextIndexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Models whose indexes the integration tests reconcile. */
final class Catalog {

	private Catalog() {
	}

	@Document("idx_book")
	@CompoundIndex(name = "shelf_position", def = "{'shelf': 1, 'position': 1}", unique = true)
	static class Book {

		@Id
		@Nullable Long id;

		@Indexed(unique = true)
		@Nullable String isbn;

		@Nullable String shelf;

		int position;

		@Indexed(sparse = true, unique = true)
		@Nullable String code;

		Book() {
		}

		Book(String isbn, String shelf, int position) {
			this.isbn = isbn;
			this.shelf = shelf;
			this.position = position;
		}

	}

	@Document("idx_session")
	static class Session {

		@Id
		@Nullable Long id;

		@Indexed(expireAfter = "1h")
		@Nullable Instant lastSeen;

		@TextIndexed
		@Nullable String notes;

	}

}
