package io.djongo.spring.samples.blog;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds a few documents when the database is empty, so a first run has something to show: two authors, three tags
 * and three posts referring to them.
 */
@Component
class SeedData implements ApplicationRunner {

	private final PostRepository posts;

	private final AuthorRepository authors;

	private final TagRepository tags;

	private final EntryRepository entries;

	SeedData(PostRepository posts, AuthorRepository authors, TagRepository tags, EntryRepository entries) {
		this.posts = posts;
		this.authors = authors;
		this.tags = tags;
		this.entries = entries;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.posts.count() == 0) {
			List<Author> writers = this.authors.saveAll(List.of(new Author("Ann"), new Author("Bob")));
			Author ann = writers.get(0);
			Author bob = writers.get(1);
			List<Tag> saved = this.tags.saveAll(List.of(new Tag("django"), new Tag("spring"), new Tag("mongodb")));
			Tag django = saved.get(0);
			Tag spring = saved.get(1);
			Tag mongodb = saved.get(2);
			this.posts.saveAll(List.of(
					post("Django on MongoDB", "djongo maps Django models onto MongoDB.", "2024-03-01T10:00:00Z", ann,
							django, mongodb),
					post("Spring Data loves QuerySets", "Lazy, chainable, cached.", "2024-06-15T08:30:00Z", bob,
							spring),
					post("Embedded documents", "EmbeddedField and ArrayField explained.", "2025-01-20T17:45:00Z", ann,
							mongodb)));
		}
		if (this.entries.count() == 0) {
			Entry entry = new Entry();
			entry.setHeadline("The Beatles Blog");
			entry.setBlog(new Blog("Beatles Blog", "Beatles tour of the Americas."));
			entry.setBlogs(List.of(new Blog("Djongo", "The Django MongoDB connector")));
			this.entries.save(entry);
		}
	}

	private static Post post(String title, String body, String published, Author author, Tag... tags) {
		Post post = new Post(title, body, Instant.parse(published));
		post.setAuthor(author);
		post.setTags(List.of(tags));
		return post;
	}

}
