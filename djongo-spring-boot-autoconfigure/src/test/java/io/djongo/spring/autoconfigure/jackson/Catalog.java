package io.djongo.spring.autoconfigure.jackson;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OnDelete;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Models of the JSON tests: a novel refers to its writer (a foreign key) and its genres (many-to-many).
 */
final class Catalog {

	private Catalog() {
	}

	@Document("json_writer")
	static class Writer {

		@Id
		private @Nullable Long id;

		private @Nullable String name;

		Writer() {
		}

		Writer(String name) {
			this.name = name;
		}

		public @Nullable Long getId() {
			return this.id;
		}

		public @Nullable String getName() {
			return this.name;
		}

	}

	@Document("json_genre")
	static class Genre {

		@Id
		private @Nullable Long id;

		private @Nullable String name;

		Genre() {
		}

		Genre(String name) {
			this.name = name;
		}

		public @Nullable Long getId() {
			return this.id;
		}

		public @Nullable String getName() {
			return this.name;
		}

	}

	@Document("json_novel")
	static class Novel {

		@Id
		private @Nullable Long id;

		private @Nullable String title;

		@ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "novels")
		private @Nullable Writer writer;

		@ManyToMany
		private List<Genre> genres = new ArrayList<>();

		Novel() {
		}

		Novel(String title, Writer writer, List<Genre> genres) {
			this.title = title;
			this.writer = writer;
			this.genres = genres;
		}

		public @Nullable Long getId() {
			return this.id;
		}

		public @Nullable String getTitle() {
			return this.title;
		}

		public @Nullable Writer getWriter() {
			return this.writer;
		}

		public List<Genre> getGenres() {
			return this.genres;
		}

	}

}
