package io.djongo.spring.core.relation.deletion;

import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.relation.ProtectedException;
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
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every repository delete applies the on_delete rules, in round trips that do not depend on how many models are
 * deleted.
 */
@SpringJUnitConfig
class RepositoryDeleteIntegrationTests {

	@Autowired
	AuthorRepository authors;

	@Autowired
	TagRepository tags;

	@Autowired
	DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeEach
	void data() {
		for (Class<?> model : List.of(Author.class, Post.class, Tag.class, Comment.class, Pin.class, Profile.class,
				Review.class)) {
			this.template.getConverter().getMappingContext().getRequiredPersistentEntity(model);
		}
		this.template.getDb().drop();
		Author ann = new Author(1L, "Ann");
		Author bob = new Author(2L, "Bob");
		Author cid = new Author(3L, "Cid");
		Tag java = new Tag(1L, "java");
		this.template.insertAll(List.of(ann, bob, cid));
		this.template.insert(java);
		this.template.insertAll(List.of(new Post(1L, "a", ann, java), new Post(2L, "b", bob, java),
				new Post(3L, "c", cid, java)));
		this.commands.clear();
	}

	@Test
	void deleteByIdCascades() {
		this.authors.deleteById(1L);
		assertThat(postIds()).containsExactly(2L, 3L);
	}

	@Test
	void deleteCascades() {
		this.authors.delete(this.authors.findById(2L).orElseThrow());
		assertThat(postIds()).containsExactly(1L, 3L);
	}

	@Test
	void deleteAllByIdIsOneDeletion() {
		this.authors.deleteAllById(List.of(1L, 2L));
		List<String> two = this.commands.names();
		assertThat(postIds()).containsExactly(3L);
		this.commands.clear();
		this.authors.deleteAllById(List.of(3L));
		assertThat(this.commands.names()).isEqualTo(two);
		assertThat(postIds()).isEmpty();
	}

	@Test
	void deleteAllOfModelsIsOneDeletion() {
		this.authors.deleteAll(this.authors.findAllById(List.of(1L, 3L)));
		assertThat(postIds()).containsExactly(2L);
		assertThat(this.authors.count()).isEqualTo(1);
	}

	@Test
	void deleteAllCascadesToEverything() {
		this.authors.deleteAll();
		assertThat(this.authors.count()).isZero();
		assertThat(postIds()).isEmpty();
	}

	@Test
	void protectRefusesARepositoryDelete() {
		this.template.insert(new Pin(1L, this.template.findById(3L, Post.class)));
		assertThatExceptionOfType(ProtectedException.class).isThrownBy(() -> this.authors.deleteById(3L));
		assertThat(this.authors.existsById(3L)).isTrue();
		assertThat(postIds()).containsExactly(1L, 2L, 3L);
	}

	@Test
	void deletingATagPullsItFromThePosts() {
		this.tags.deleteById(1L);
		assertThat(this.template.objects(Post.class).filter("tags__isnull", true).count()).isEqualTo(3);
	}

	private List<Long> postIds() {
		return this.template.objects(Post.class).orderBy("id").valuesList("id", Long.class).list();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

	interface AuthorRepository extends DjongoRepository<Author, Long> {

	}

	interface TagRepository extends DjongoRepository<Tag, Long> {

	}

}
