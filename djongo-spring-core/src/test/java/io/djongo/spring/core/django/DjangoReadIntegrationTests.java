package io.djongo.spring.core.django;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.support.DjongoRepositoryFactory;
import io.djongo.spring.test.TestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Documents djongo wrote (the fixture, written with the raw driver) read, queried, related and annotated
 * through the Java API, with the answers Django gives on the same database.
 */
class DjangoReadIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void fixture() {
		template = DjangoFixture.template("django_read");
	}

	static List<String> titles(QuerySet<Post> posts) {
		return posts.orderBy("id").valuesList("title", String.class).list();
	}

	@Test
	void aDocumentDjongoWroteReadsAsTheModel() {
		// on main: ConverterNotFoundException ... from ObjectId to Long
		Post post = template.objects(Post.class).get("pk", 1);
		assertThat(post.id).isEqualTo(1L);
		assertThat(post.title).isEqualTo("Hello djongo");
		assertThat(post.rating).isNull();
		assertThat(post.stats.views).isEqualTo(100);
		assertThat(post.stats.likes).isEqualTo(10);
		assertThat(post.comments).singleElement().satisfies((comment) -> {
			assertThat(comment.who).isEqualTo("Bob");
			assertThat(comment.text).isEqualTo("Nice");
		});
		assertThat(post.score).isEqualTo(new BigDecimal("4.50"));
		assertThat(template.findById(2L, Post.class)).extracting(Post::getTitle).isEqualTo("Django on Mongo");
		assertThat(template.findAll(Author.class)).extracting(Author::getName).containsExactly("Ann", "Bob", "Cid");
	}

	@Test
	void pkAndIdLookupsCompareTheIdColumn() {
		assertThat(titles(template.objects(Post.class).filter("pk", 1))).containsExactly("Hello djongo");
		assertThat(titles(template.objects(Post.class).filter("id__in", List.of(2, 3)))).containsExactly(
				"Django on Mongo", "Spring side");
		assertThat(titles(template.objects(Post.class).filter("pk__gt", 1L))).containsExactly("Django on Mongo",
				"Spring side");
		assertThat(titles(template.objects(Post.class).filter("author_id", 2))).containsExactly("Spring side");
		assertThat(titles(template.objects(Post.class).filter("author__pk", 1))).containsExactly("Hello djongo",
				"Django on Mongo");
	}

	@Test
	void lookupsAcrossForeignKeysBothWays() {
		// on main: nothing
		assertThat(titles(template.objects(Post.class).filter("author__name", "Ann"))).containsExactly(
				"Hello djongo", "Django on Mongo");
		Author ann = template.objects(Author.class).get("name", "Ann");
		assertThat(titles(template.objects(Post.class).filter("author", ann))).containsExactly("Hello djongo",
				"Django on Mongo");
		assertThat(template.objects(Author.class).filter("post__rating__gte", 5).valuesList("name", String.class)
			.list()).containsExactly("Bob");
	}

	@Test
	void lookupsThroughDjangosThroughCollectionBothWays() {
		assertThat(titles(template.objects(Post.class).filter("tags__name", "django"))).containsExactly(
				"Hello djongo", "Django on Mongo");
		assertThat(titles(template.objects(Post.class).filter("tags__name", "mongodb"))).containsExactly(
				"Hello djongo");
		assertThat(titles(template.objects(Post.class).filter("tags__isnull", true))).containsExactly("Spring side");
		assertThat(template.objects(Tag.class).filter("post__author__name", "Ann").orderBy("id")
			.valuesList("name", String.class).list()).containsExactly("django", "mongodb");
		assertThat(template.objects(Tag.class).filter("post__title", "Spring side").exists()).isFalse();
		Tag mongodb = template.objects(Tag.class).get("name", "mongodb");
		assertThat(titles(template.objects(Post.class).filter("tags", mongodb))).containsExactly("Hello djongo");
		assertThat(titles(template.objects(Post.class).filter("tags__in", List.of(1, 2)))).containsExactly(
				"Hello djongo", "Django on Mongo");
		assertThat(titles(template.objects(Post.class).exclude("tags__name", "mongodb"))).containsExactly(
				"Django on Mongo", "Spring side");
		assertThat(template.objects(Author.class).filter("post__tags__name", "mongodb").valuesList("name",
				String.class).list()).containsExactly("Ann");
	}

	@Test
	void relatedObjectsLoadByTheirIdColumn() {
		Post post = template.objects(Post.class).get("pk", 3);
		// on main: DoesNotExist
		assertThat(post.getAuthor().getName()).isEqualTo("Bob");
		Post first = template.objects(Post.class).get("pk", 1);
		assertThat(first.getTags()).extracting(Tag::getName).containsExactlyInAnyOrder("django", "mongodb");
		assertThat(template.<Tag>related(first, "tags").orderBy("name").valuesList("name", String.class).list())
			.containsExactly("django", "mongodb");
		Tag django = template.objects(Tag.class).get("name", "django");
		assertThat(titles(template.related(django, "post"))).containsExactly("Hello djongo", "Django on Mongo");
		Author ann = template.objects(Author.class).get("pk", 1);
		assertThat(titles(template.related(ann, "post"))).containsExactly("Hello djongo", "Django on Mongo");
	}

	@Test
	void annotateCountsAsDjangoDoes() {
		// on main: 0 for every author
		assertThat(template.objects(Author.class).annotate("n", Count.of("post")).orderBy("id")
			.valuesList("n", Integer.class).list()).containsExactly(2, 1, 0);
		assertThat(template.objects(Post.class).annotate("n", Count.of("tags")).orderBy("id")
			.valuesList("n", Integer.class).list()).containsExactly(2, 1, 0);
		assertThat(template.objects(Tag.class).annotate("n", Count.of("post")).orderBy("id")
			.valuesList("n", Integer.class).list()).containsExactly(2, 1, 0);
		assertThat(template.objects(Post.class).aggregate(Count.of("tags").distinct())).containsEntry("tags__count",
				2L);
	}

	@Test
	void selectRelatedAndPrefetchRelatedReadEveryRelationInFixedCommands() {
		TestClients.recorder().clear();
		List<Post> posts = template.objects(Post.class).selectRelated("author").prefetchRelated("tags").orderBy("id")
			.list();
		assertThat(posts).extracting((post) -> post.getAuthor().getName()).containsExactly("Ann", "Ann", "Bob");
		assertThat(posts.get(0).getTags()).extracting(Tag::getName).containsExactlyInAnyOrder("django", "mongodb");
		assertThat(posts.get(1).getTags()).extracting(Tag::getName).containsExactly("django");
		assertThat(posts.get(2).getTags()).isEmpty();
		// the posts with their authors, the pairs, the tags
		assertThat(TestClients.recorder().names()).containsExactly("aggregate", "find", "find");

		List<Author> authors = template.objects(Author.class).prefetchRelated("post").orderBy("id").list();
		assertThat(authors.get(0).post).extracting(Post::getTitle).containsExactlyInAnyOrder("Hello djongo",
				"Django on Mongo");
		assertThat(authors.get(2).post).isEmpty();
	}

	@Test
	void valuesOfARelationAreTheRelatedIds() {
		assertThat(template.objects(Post.class).orderBy("id").valuesList("tags", Object.class).list())
			.containsExactly(List.of(2L, 1L), List.of(1L), List.of());
		assertThat(template.objects(Author.class).orderBy("id").valuesList("post", Object.class).list())
			.containsExactly(List.of(1L, 2L), List.of(3L), List.of());
		assertThat(template.objects(Post.class).orderBy("id").valuesList("author", Long.class).list())
			.containsExactly(1L, 1L, 2L);
	}

	@Test
	void inBulkIsKeyedByTheIdColumn() {
		Map<Long, Post> posts = template.objects(Post.class).inBulk(List.of(1L, 3L));
		assertThat(posts).containsOnlyKeys(1L, 3L);
		assertThat(posts.get(3L).getTitle()).isEqualTo("Spring side");
		assertThat(template.objects(Post.class).only("title").get("pk", 2).getId()).isEqualTo(2L);
	}

	@Test
	void repositoriesWorkOnTheIdColumn() {
		PostRepository posts = new DjongoRepositoryFactory(template).getRepository(PostRepository.class);
		assertThat(posts.findById(3L)).map(Post::getTitle).hasValue("Spring side");
		assertThat(posts.existsById(2L)).isTrue();
		assertThat(posts.findAllById(List.of(1L, 2L))).extracting(Post::getTitle)
			.containsExactlyInAnyOrder("Hello djongo", "Django on Mongo");
		assertThat(posts.findByAuthorName("Bob").list()).extracting(Post::getId).containsExactly(3L);
		assertThat(posts.findByRating(4)).extracting(Post::getId).containsExactly(2L);
		assertThat(posts.count()).isEqualTo(3);
	}

	@Test
	void pagesOrderAndCountByTheIdColumn() {
		Page<Post> second = template.objects(Post.class).orderBy("-pk").page(PageRequest.of(1, 2));
		assertThat(second.getContent()).extracting(Post::getId).containsExactly(1L);
		assertThat(second.getTotalElements()).isEqualTo(3);
		PostRepository posts = new DjongoRepositoryFactory(template).getRepository(PostRepository.class);
		assertThat(posts.findAll(PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "id"))).getContent())
			.extracting(Post::getId)
			.containsExactly(3L, 2L);
	}

	@Test
	void theManyToManyListIsReadOnly() {
		Post post = template.objects(Post.class).get("pk", 2);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> post.getTags().add(new Tag("x")))
			.withMessageContaining("manyToMany(model, \"tags\")");
	}

	interface PostRepository extends DjongoRepository<Post, Long> {

		QuerySet<Post> findByAuthorName(String name);

		List<Post> findByRating(Integer rating);

	}

}
