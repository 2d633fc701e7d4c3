package io.djongo.spring.core.repository;

import java.util.List;

import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig
class DjongoRepositoryIntegrationTests {

	@Autowired
	NoteRepository notes;

	@Test
	void savesWithAutoIncrementIdsAndQueriesThroughObjects() {
		Note first = this.notes.save(new Note("first"));
		Note second = this.notes.save(new Note("second"));
		assertThat(second.id).isEqualTo(first.id + 1);

		List<String> texts = this.notes.objects().orderBy("-id").list().stream().map((n) -> n.text).toList();
		assertThat(texts).containsSubsequence("second", "first");
		assertThat(this.notes.objects().filter("text", "first").first()).get()
			.extracting((n) -> n.id)
			.isEqualTo(first.id);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

	interface NoteRepository extends DjongoRepository<Note, Long> {

	}

	@Document("note")
	static class Note {

		@Id
		@Nullable Long id;

		String text;

		Note(String text) {
			this.text = text;
		}

	}

}
