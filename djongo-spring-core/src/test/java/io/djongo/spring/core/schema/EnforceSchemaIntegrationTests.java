package io.djongo.spring.core.schema;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.EnforceSchema;
import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * djongo's Blog version 1 to version 2 story: documents written before the model gained fields, read with
 * enforce-schema on and off.
 */
class EnforceSchemaIntegrationTests {

	/** Version 1 of the blog, as the documents were written: only a name, an author without email, entries. */
	static Document blogVersion1(long id) {
		return new Document("_id", id).append("name", "Beatles Blog")
			.append("author", new Document("name", "Paul"))
			.append("entries", List.of(new Document("headline", "Help!").append("rating", 5),
					new Document("headline", "Yesterday")));
	}

	@Nested
	@SpringJUnitConfig(Config.class)
	@TestPropertySource(properties = "djongo.enforce-schema=true")
	class Enforced {

		@Autowired
		DjongoTemplate template;

		@Autowired
		BlogRepository blogs;

		@BeforeEach
		void insertVersion1Documents() {
			this.template.dropCollection(Blog.class);
			this.template.mongo(Blog.class).insertOne(blogVersion1(1));
		}

		@Test
		void readingADocumentThatLacksFieldsNamesThemWithTheirPaths() {
			assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> this.blogs.findById(1L))
				.satisfies((ex) -> {
					assertThat(ex.getCollection()).isEqualTo("enforced_blog");
					assertThat(ex.getDocumentId()).isEqualTo(1L);
					assertThat(ex.getModel()).isEqualTo(Blog.class);
					assertThat(ex.getMissingFields()).containsExactly("tagline", "author.email", "entries[1].rating");
				})
				.withMessage("Document with _id 1 in collection 'enforced_blog' lacks fields of model Blog: tagline, "
						+ "author.email, entries[1].rating. Migrate the collection (add the fields), or turn "
						+ "enforce-schema off for Blog.");
		}

		@Test
		void everyReadPathEnforces() {
			assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> this.blogs.findAll());
			assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> this.blogs.objects().list());
			Document raw = this.template.mongo(Blog.class).find().first();
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> this.template.toModel(raw, Blog.class));
			assertThatExceptionOfType(DataRetrievalFailureException.class).isThrownBy(() -> this.blogs.findAll());
		}

		@Test
		void migratedDocumentsReadFine() {
			this.template.mongo(Blog.class)
				.updateOne(new Document("_id", 1L),
						new Document("$set", new Document("tagline", "All you need").append("author.email", null)
							.append("entries.1.rating", 4)));
			Blog blog = this.blogs.findById(1L).orElseThrow();
			assertThat(blog.tagline).isEqualTo("All you need");
			assertThat(blog.entries).extracting((e) -> e.rating).containsExactly(5, 4);
		}

		@Test
		void modelsWrittenByDjongoStoreNullFieldsSoTheyReadBack() {
			Blog blog = new Blog();
			blog.name = "New Blog";
			blog.author = new Author();
			blog.entries = List.of(new Entry());
			Blog saved = this.blogs.save(blog);

			Document raw = this.template.mongo(Blog.class).find(new Document("_id", saved.id)).first();
			assertThat(raw).containsEntry("tagline", null);
			assertThat(raw.get("author", Document.class)).containsEntry("email", null).containsEntry("name", null);
			assertThat(this.blogs.findById(saved.id)).get().extracting((b) -> b.name).isEqualTo("New Blog");
		}

		@Test
		void aModelCanOptOut() {
			this.template.mongo(LenientBlog.class).drop();
			this.template.mongo(LenientBlog.class).insertOne(new Document("_id", 1L).append("name", "Old"));
			assertThat(this.template.findById(1L, LenientBlog.class).tagline).isNull();
		}

	}

	@Nested
	@SpringJUnitConfig(Config.class)
	class NotEnforced {

		@Autowired
		DjongoTemplate template;

		@Autowired
		BlogRepository blogs;

		@BeforeEach
		void insertVersion1Documents() {
			this.template.dropCollection(Blog.class);
			this.template.mongo(Blog.class).insertOne(blogVersion1(1));
		}

		@Test
		void missingFieldsReadAsNullOrTheirInitialValueWithoutLogging() {
			Logger logger = (Logger) LoggerFactory.getLogger("io.djongo");
			ListAppender<ILoggingEvent> events = new ListAppender<>();
			events.start();
			Level level = logger.getLevel();
			logger.setLevel(Level.DEBUG);
			logger.addAppender(events);
			try {
				Blog blog = this.blogs.findById(1L).orElseThrow();
				assertThat(blog.tagline).isNull();
				assertThat(blog.author.email).isNull();
				assertThat(blog.entries.get(1).rating).isEqualTo(3);
				assertThat(this.blogs.objects().list()).hasSize(1);
				Blog viaToModel = this.template.toModel(this.template.mongo(Blog.class).find().first(), Blog.class);
				assertThat(viaToModel.entries.get(1).headline).isEqualTo("Yesterday");
			}
			finally {
				logger.detachAppender(events);
				logger.setLevel(level);
			}
			assertThat(events.list).isEmpty();
		}

		@Test
		void nullFieldsAreLeftOutAsSpringDataDoes() {
			Blog blog = new Blog();
			blog.name = "New";
			Blog saved = this.blogs.save(blog);
			assertThat(this.template.mongo(Blog.class).find(new Document("_id", saved.id)).first())
				.doesNotContainKey("tagline");
		}

		@Test
		void aModelCanOptIn() {
			this.template.mongo(StrictBlog.class).drop();
			this.template.mongo(StrictBlog.class).insertOne(new Document("_id", 1L).append("name", "Old"));
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> this.template.findById(1L, StrictBlog.class))
				.satisfies((ex) -> assertThat(ex.getMissingFields()).containsExactly("tagline"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true, basePackageClasses = EnforceSchemaIntegrationTests.class,
			includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
					type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
					classes = BlogRepository.class))
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

	interface BlogRepository extends DjongoRepository<Blog, Long> {

	}

	@ModelContainer
	static class Author {

		@Nullable String name;

		@Nullable String email;

	}

	@ModelContainer
	static class Entry {

		@Nullable String headline;

		int rating = 3;

	}

	/** Version 2 of the blog: it gained a tagline, an author email and entry ratings. */
	@org.springframework.data.mongodb.core.mapping.Document("enforced_blog")
	static class Blog {

		@Id
		@Nullable Long id;

		@Nullable String name;

		@Nullable String tagline;

		@EmbeddedField
		@Nullable Author author;

		@ArrayField
		@Nullable List<Entry> entries;

	}

	@org.springframework.data.mongodb.core.mapping.Document("lenient_blog")
	@Model(enforceSchema = EnforceSchema.DISABLED)
	static class LenientBlog {

		@Id
		@Nullable Long id;

		@Nullable String name;

		@Nullable String tagline;

	}

	@org.springframework.data.mongodb.core.mapping.Document("strict_blog")
	@Model(enforceSchema = EnforceSchema.ENABLED)
	static class StrictBlog {

		@Id
		@Nullable Long id;

		@Nullable String name;

		@Nullable String tagline;

	}

}
