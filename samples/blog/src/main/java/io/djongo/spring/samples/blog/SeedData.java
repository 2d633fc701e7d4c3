package io.djongo.spring.samples.blog;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds a few documents when the database is empty, so a first run has something to show.
 */
@Component
class SeedData implements ApplicationRunner {

	private final PostRepository posts;

	private final EntryRepository entries;

	SeedData(PostRepository posts, EntryRepository entries) {
		this.posts = posts;
		this.entries = entries;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.posts.count() == 0) {
			this.posts.saveAll(List.of(
					new Post("Django on MongoDB", "djongo maps Django models onto MongoDB.",
							Instant.parse("2024-03-01T10:00:00Z")),
					new Post("Spring Data loves QuerySets", "Lazy, chainable, cached.",
							Instant.parse("2024-06-15T08:30:00Z")),
					new Post("Embedded documents", "EmbeddedField and ArrayField explained.",
							Instant.parse("2025-01-20T17:45:00Z"))));
		}
		if (this.entries.count() == 0) {
			Entry entry = new Entry();
			entry.setHeadline("The Beatles Blog");
			entry.setBlog(new Blog("Beatles Blog", "Beatles tour of the Americas."));
			entry.setBlogs(List.of(new Blog("Djongo", "The Django MongoDB connector")));
			this.entries.save(entry);
		}
	}

}
