package io.djongo.spring.core.relation.deletion;

import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Saving a model whose related object has no id fails with Django's message and writes nothing.
 */
@SpringJUnitConfig
class UnsavedRelatedObjectIntegrationTests {

	@Autowired
	DjongoTemplate template;

	@Autowired
	PostRepository posts;

	final CommandRecorder commands = TestClients.recorder();

	final Author ann = new Author(1L, "Ann");

	final Tag java = new Tag(1L, "java");

	@BeforeEach
	void data() {
		this.template.getDb().drop();
		this.template.insert(this.ann);
		this.template.insert(this.java);
		this.commands.clear();
	}

	@Test
	void aForeignKeyToAnUnsavedModelIsRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.save(new Post(null, "p", new Author(null, "new"))))
			.withMessage("save() prohibited to prevent data loss due to unsaved related object 'author'.");
		assertThat(this.commands.count()).isZero();
	}

	@Test
	void aManyToManyListWithAnUnsavedModelIsRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.insert(new Post(null, "p", this.ann, this.java, new Tag(null, "new"))))
			.withMessage("save() prohibited to prevent data loss due to unsaved related object 'tags'.");
		assertThat(this.commands.count()).isZero();
	}

	@Test
	void aBulkCreateWithOneUnsavedRelatedObjectWritesNothing() {
		List<Post> batch = List.of(new Post(null, "fine", this.ann), new Post(null, "fine too", this.ann),
				new Post(null, "not fine", new Author(null, "new")));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.insertAll(batch))
			.withMessageContaining("'author'");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.posts.saveAll(batch));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.bulkCreate(batch, false));
		assertThat(this.commands.count()).isZero();
	}

	@Test
	void aMixedSaveAllWritesNothingEither() {
		Post stored = this.template.insert(new Post(null, "stored", this.ann));
		this.commands.clear();
		stored.title = "changed";
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.posts.saveAll(List.of(stored, new Post(null, "new", new Author(null, "x")))));
		assertThat(this.commands.count()).isZero();
	}

	@Test
	void savedRelatedObjectsPassAndALazyReferenceIsNotLoadedToBeChecked() {
		Post saved = this.template.insert(new Post(null, "p", this.ann, this.java));
		Post loaded = this.template.findById(saved.id, Post.class);
		assertThat(loaded.author).isInstanceOf(LazyLoadingProxy.class);
		this.commands.clear();
		loaded.title = "changed";
		this.template.save(loaded);
		// Spring Data's converter loads a lazy many-to-many list to write it (one find of tags); the author stays
		// behind its proxy
		assertThat(this.commands.commands()).noneMatch((command) -> command.getFirstKey().equals("find")
				&& command.getString("find").getValue().equals("del_author"));
		assertThat(this.commands.names()).endsWith("update");
		assertThat(this.template.mongo(Post.class).find().first()).containsEntry("author_id", 1L)
			.containsEntry("title", "changed");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

	interface PostRepository extends DjongoRepository<Post, Long> {

	}

}
