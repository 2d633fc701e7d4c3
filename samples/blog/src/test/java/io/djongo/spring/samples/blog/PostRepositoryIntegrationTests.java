package io.djongo.spring.samples.blog;

import java.time.Instant;
import java.util.List;

import io.djongo.spring.test.autoconfigure.DjongoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog's repositories and QuerySets in djongo's test slice: no web layer, no seed data (SeedData is a component
 * the slice leaves out), an empty database before each test.
 */
@DjongoTest
class PostRepositoryIntegrationTests {

	@Autowired
	private PostRepository posts;

	@Autowired
	private AuthorRepository authors;

	@Autowired
	private TagRepository tags;

	@BeforeEach
	void twoPostsOfAnn() {
		Author ann = this.authors.save(new Author("Ann"));
		Tag mongodb = this.tags.save(new Tag("mongodb"));
		Post first = new Post("Django on MongoDB", "body", Instant.parse("2024-03-01T10:00:00Z"));
		first.setAuthor(ann);
		first.setTags(List.of(mongodb));
		Post second = new Post("Spring Data", "body", Instant.parse("2023-05-01T10:00:00Z"));
		second.setAuthor(ann);
		this.posts.saveAll(List.of(first, second));
	}

	@Test
	void startsWithOnlyWhatTheTestWrote() {
		assertThat(this.posts.count()).isEqualTo(2);
		assertThat(this.authors.count()).isEqualTo(1);
	}

	@Test
	void filtersAcrossRelations() {
		assertThat(this.posts.objects().filter("author__name", "Ann").filter("tags__name", "mongodb").list())
			.extracting(Post::getTitle)
			.containsExactly("Django on MongoDB");
		assertThat(this.posts.findByTitleContainingIgnoreCase("spring").filter("publishedDate__year", 2023).count())
			.isEqualTo(1);
	}

	@Test
	void relatedModelsAreATypedQuerySet() {
		Author ann = this.authors.objects().get("name", "Ann");
		List<Post> annsPosts = this.authors.related(ann, "posts", Post.class).orderBy("publishedDate").list();
		assertThat(annsPosts).extracting(Post::getTitle).containsExactly("Spring Data", "Django on MongoDB");
	}

}
