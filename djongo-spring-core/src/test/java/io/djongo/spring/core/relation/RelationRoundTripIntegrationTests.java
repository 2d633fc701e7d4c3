package io.djongo.spring.core.relation;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round-trip rules on 100 parents: selectRelated costs one command, prefetchRelated one more per
 * relation, lookups and annotations across relations one command, whatever the number of rows; reading the related
 * objects afterwards costs nothing.
 */
class RelationRoundTripIntegrationTests {

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("roundtrips"), Author.class,
				Post.class, Tag.class);
		List<Author> authors = new ArrayList<>();
		List<Tag> tags = new ArrayList<>();
		List<Post> posts = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			authors.add(new Author(i, "Author " + i));
			tags.add(new Tag(i, "tag " + i));
		}
		for (int i = 1; i <= 100; i++) {
			posts.add(new Post(i, "Post " + i, i % 5, authors.get(i - 1), tags.get(i - 1), tags.get(i % 100)));
			posts.add(new Post(100 + i, "Second post " + i, 3, authors.get(i - 1)));
		}
		template.insertAll(authors);
		template.insertAll(tags);
		template.insertAll(posts);
	}

	@BeforeEach
	void clear() {
		this.commands.clear();
	}

	@Test
	void hundredPostsWithSelectRelatedAreOneCommand() {
		List<Post> posts = template.objects(Post.class).filter("id__lte", 100).selectRelated("author").list();
		assertThat(posts).hasSize(100);
		assertThat(posts).extracting((post) -> post.getAuthor().getName()).doesNotContainNull().hasSize(100);
		assertThat(this.commands.names()).containsExactly("aggregate");
	}

	@Test
	void hundredPostsWithPrefetchRelatedAreTwoCommands() {
		List<Post> posts = template.objects(Post.class).filter("id__lte", 100).prefetchRelated("tags").list();
		assertThat(posts).allSatisfy((post) -> assertThat(post.getTags()).hasSize(2));
		assertThat(this.commands.names()).containsExactly("find", "find");
	}

	@Test
	void hundredAuthorsWithTheirPostsPrefetchedAreTwoCommands() {
		List<Author> authors = template.objects(Author.class).prefetchRelated("posts").list();
		assertThat(authors).hasSize(100).allSatisfy((author) -> assertThat(author.posts).hasSize(2));
		assertThat(this.commands.names()).containsExactly("find", "find");
	}

	@Test
	void withoutEitherEachAuthorCostsOneQuery() {
		List<Post> posts = template.objects(Post.class).filter("id__lte", 100).list();
		posts.forEach((post) -> post.getAuthor().getName());
		assertThat(this.commands.count()).isEqualTo(101);
	}

	@Test
	void lookupsAndAnnotationsAcrossRelationsAreOneCommandForAHundredRows() {
		assertThat(template.objects(Author.class).filter("posts__title__startswith", "Second").count()).isEqualTo(100);
		assertThat(template.objects(Author.class).annotate("numPosts", Count.of("posts")).valuesList("numPosts",
				Integer.class).list()).hasSize(100).containsOnly(2);
		assertThat(template.objects(Author.class)
			.annotate("numPosts", Count.of("posts"))
			.filter("numPosts", 2)
			.count()).isEqualTo(100);
		assertThat(template.objects(Post.class).filter("tags__name__startswith", "tag").count()).isEqualTo(100);
		assertThat(this.commands.names()).containsExactly("aggregate", "aggregate", "aggregate", "aggregate");
	}

}
