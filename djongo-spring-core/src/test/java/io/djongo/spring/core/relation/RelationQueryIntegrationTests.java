package io.djongo.spring.core.relation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.aggregate.Avg;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Lookups, annotations, selectRelated and prefetchRelated across ForeignKey and ManyToMany, both ways.
 */
class RelationQueryIntegrationTests {

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("relations"), Author.class, Post.class,
				Tag.class);
		Author ann = new Author(1, "Ann");
		Author bob = new Author(2, "Bob");
		Author cid = new Author(3, "Cid");
		template.insertAll(List.of(ann, bob, cid));
		Tag python = new Tag(1, "python");
		Tag pop = new Tag(2, "pop");
		Tag java = new Tag(3, "java");
		Tag polo = new Tag(4, "polo");
		template.insertAll(List.of(python, pop, java, polo));
		template.insertAll(List.of(new Post(1, "Django on MongoDB", 5, ann, python, pop),
				new Post(2, "Spring and django", 3, ann, java), new Post(3, "Spring Data", 4, bob, java, polo),
				new Post(4, "Orphan", null, null)));
	}

	@BeforeEach
	void clear() {
		this.commands.clear();
	}

	static QuerySet<Post> posts() {
		return template.objects(Post.class).orderBy("id");
	}

	static QuerySet<Author> authors() {
		return template.objects(Author.class).orderBy("id");
	}

	static List<Long> postIds(QuerySet<Post> qs) {
		return qs.valuesList("id", Long.class).list();
	}

	static List<Long> authorIds(QuerySet<Author> qs) {
		return qs.valuesList("id", Long.class).list();
	}

	@Test
	void aForeignKeyIsStoredAsTheIdUnderFieldId() {
		Document stored = template.mongo(Post.class).find(new Document("_id", 1L)).first();
		assertThat(stored).containsEntry("author_id", 1L).doesNotContainKey("author");
		assertThat(stored.getList("tags", Long.class)).containsExactly(1L, 2L);
	}

	@Test
	void theAuthorLoadsLazilyWithOneQueryCachedOnTheInstance() {
		Post post = template.objects(Post.class).get("pk", 1);
		this.commands.clear();
		Author author = post.getAuthor();
		assertThat(this.commands.count()).isZero();
		assertThat(author.getName()).isEqualTo("Ann");
		assertThat(author.getName()).isEqualTo("Ann");
		assertThat(this.commands.names()).containsExactly("find");
		assertThat(post.getTags()).extracting(Tag::getName).containsExactly("python", "pop");
		assertThat(this.commands.names()).containsExactly("find", "find");
	}

	@Test
	void forwardLookupsJoinInOneCommand() {
		assertThat(postIds(posts().filter("author__name", "Ann"))).containsExactly(1L, 2L);
		assertThat(this.commands.names()).containsExactly("aggregate");
		assertThat(postIds(posts().exclude("author__name", "Ann"))).containsExactly(3L, 4L);
		assertThat(postIds(posts().filter("author__name__startswith", "B"))).containsExactly(3L);
		assertThat(postIds(posts().orderBy("author__name", "-id"))).containsExactly(4L, 2L, 1L, 3L);
	}

	@Test
	void foreignKeyValuesComparedByIdWithoutAJoin() {
		Author ann = template.objects(Author.class).get("pk", 1);
		this.commands.clear();
		assertThat(postIds(posts().filter("author", ann))).containsExactly(1L, 2L);
		assertThat(postIds(posts().filter("author", 2))).containsExactly(3L);
		assertThat(postIds(posts().filter("author__id", 2))).containsExactly(3L);
		assertThat(postIds(posts().filter("author__pk__in", List.of(2, 3)))).containsExactly(3L);
		assertThat(postIds(posts().filter("author_id", 1))).containsExactly(1L, 2L);
		assertThat(postIds(posts().filter("author__isnull", true))).containsExactly(4L);
		assertThat(this.commands.names()).containsOnly("find");
	}

	@Test
	void reverseLookupsFollowTheRelatedName() {
		assertThat(authorIds(authors().filter("posts__title__icontains", "django"))).containsExactly(1L);
		assertThat(authorIds(authors().filter("posts__rating__gte", 4))).containsExactly(1L, 2L);
		assertThat(authorIds(authors().filter("posts__isnull", true))).containsExactly(3L);
		assertThat(authorIds(authors().exclude("posts__rating", 3))).containsExactly(2L, 3L);
		assertThat(this.commands.names()).containsOnly("aggregate");
	}

	@Test
	void aDocumentNeverRepeatsThoughSeveralRelatedMatch() {
		QuerySet<Author> withJava = authors().filter("posts__tags__name", "java");
		assertThat(withJava.count()).isEqualTo(2);
		assertThat(authors().filter("posts__title__icontains", "spring").count()).isEqualTo(2);
		assertThat(authors().filter("posts__title__icontains", "").list()).hasSize(2);
		assertThat(authors().filter("posts__rating__gte", 3).get("name", "Ann").id).isEqualTo(1L);
	}

	@Test
	void manyToManyLookupsBothWays() {
		assertThat(postIds(posts().filter("tags__name", "java"))).containsExactly(2L, 3L);
		assertThat(postIds(posts().filter("tags__name__in", List.of("pop", "polo")))).containsExactly(1L, 3L);
		assertThat(postIds(posts().filter("tags", 1))).containsExactly(1L);
		assertThat(postIds(posts().filter("tags__isnull", true))).containsExactly(4L);
		List<String> tagged = template.objects(Tag.class)
			.filter("post__author__name", "Ann")
			.orderBy("id")
			.valuesList("name", String.class)
			.list();
		assertThat(tagged).containsExactly("python", "pop", "java");
	}

	@Test
	void conditionsOfOneFilterHoldForTheSameRelatedObject() {
		assertThat(postIds(posts().filter(Map.of("tags__name__startswith", "p", "tags__name__endswith", "o"))))
			.containsExactly(3L);
		assertThat(postIds(posts().filter(Map.of("tags__name__startswith", "p", "tags__name__endswith", "a"))))
			.isEmpty();
		assertThat(postIds(posts().filter("tags__name__startswith", "p").filter("tags__name__endswith", "a")))
			.containsExactly(3L);
		assertThat(authorIds(authors().filter(Q.of("posts__title__icontains", "spring", "posts__rating", 4))))
			.containsExactly(2L);
		assertThat(authorIds(authors().filter("posts__title__icontains", "spring").filter("posts__rating", 5)))
			.containsExactly(1L);
	}

	@Test
	void excludeDoesNotUseTheSameObjectRule() {
		assertThat(authorIds(authors().exclude(Q.of("posts__title__icontains", "spring", "posts__rating", 5))))
			.containsExactly(2L, 3L);
	}

	@Test
	void annotateCountsAcrossRelationsInOneCommand() {
		List<Author> annotated = authors().annotate("numPosts", Count.of("posts")).orderBy("-numPosts", "id").list();
		assertThat(annotated).extracting((a) -> a.id).containsExactly(1L, 2L, 3L);
		assertThat(this.commands.names()).containsExactly("aggregate");
		assertThat(authors().annotate("numPosts", Count.of("posts")).values("name", "numPosts").list()).containsExactly(
				Map.of("name", "Ann", "numPosts", 2), Map.of("name", "Bob", "numPosts", 1),
				Map.of("name", "Cid", "numPosts", 0));
		assertThat(authors().annotate("avg", Avg.of("posts__rating")).valuesList("avg", Double.class).list())
			.containsExactly(4.0, 4.0, null);
		assertThat(posts().annotate("numTags", Count.of("tags")).valuesList("numTags", Integer.class).list())
			.containsExactly(2, 1, 2, 0);
	}

	@Test
	void aFilterBeforeAnnotateRestrictsWhatIsCounted() {
		assertThat(authors().filter("posts__rating__gte", 4)
			.annotate("n", Count.of("posts"))
			.values("name", "n")
			.list()).containsExactly(Map.of("name", "Ann", "n", 1), Map.of("name", "Bob", "n", 1));
		assertThat(authors().annotate("n", Count.of("posts"))
			.filter("posts__rating__gte", 4)
			.values("name", "n")
			.list()).containsExactly(Map.of("name", "Ann", "n", 2), Map.of("name", "Bob", "n", 1));
		assertThat(this.commands.names()).containsExactly("aggregate", "aggregate");
	}

	@Test
	void conditionalAndDistinctCounts() {
		assertThat(authors().annotate("good", Count.of("posts").filter(Q.of("posts__rating__gte", 4)))
			.valuesList("good", Integer.class)
			.list()).containsExactly(1, 1, 0);
		assertThat(template.objects(Tag.class)
			.annotate("authors", Count.of("post__author").distinct())
			.orderBy("id")
			.valuesList("authors", Integer.class)
			.list()).containsExactly(1, 1, 2, 1);
	}

	@Test
	void aggregateAcrossRelations() {
		assertThat(authors().aggregate(Count.of("posts"), Avg.of("posts__rating")))
			.containsEntry("posts__count", 3L)
			.containsEntry("posts__rating__avg", 4.0);
		assertThat(this.commands.names()).containsExactly("aggregate");
	}

	@Test
	void aggregateAndGroupingCountTheRelatedRowsDjangosFiltersKeep() {
		// Author.objects.aggregate(n=Count("posts", filter=Q(posts__rating__gte=4))): the posts kept, not the authors
		assertThat(authors().aggregate(Count.of("posts").filter(Q.of("posts__rating__gte", 4)).as("n")))
			.containsEntry("n", 2L);
		// Author.objects.filter(posts__rating__gte=4).aggregate(Count("posts")): the rows the filter joined
		assertThat(authors().filter("posts__rating__gte", 4).aggregate(Count.of("posts"))).containsEntry("posts__count",
				2L);
		assertThat(template.objects(Author.class).values("name")
			.annotate("n", Count.of("posts").filter(Q.of("posts__rating__gte", 4)))
			.orderBy("name")
			.valuesList("n", Integer.class)
			.list()).containsExactly(1, 1, 0);
		// the same over a many-to-many list of ids: Count("tags", filter=Q(tags__name__in=[...])) counts the tags kept
		Q named = Q.of("tags__name__in", List.of("python", "pop", "polo"));
		assertThat(posts().annotate("n", Count.of("tags").filter(named)).valuesList("n", Integer.class).list())
			.containsExactly(2, 0, 1, 0);
		assertThat(posts().aggregate(Count.of("tags").filter(named).as("n"))).containsEntry("n", 3L);
		assertThat(posts().filter("tags__name", "java").annotate("n", Count.of("tags")).valuesList("id", "n").list())
			.containsExactly(Arrays.asList(2L, 1), Arrays.asList(3L, 1));
		// Post.objects.values("tags").annotate(n=Count("id")): posts per tag; Author.values("posts__rating")
		assertThat(template.objects(Post.class).values("tags").annotate("n", Count.of("id")).orderBy("tags")
			.valuesList("tags", "n")
			.list()).containsExactly(Arrays.asList(null, 1), Arrays.asList(1L, 1), Arrays.asList(2L, 1),
					Arrays.asList(3L, 2), Arrays.asList(4L, 1));
		assertThat(template.objects(Author.class).values("posts__rating").annotate("n", Count.of("id"))
			.orderBy("posts__rating")
			.valuesList("posts__rating", "n")
			.list()).containsExactly(Arrays.asList(null, 1), Arrays.asList(3, 1), Arrays.asList(4, 1),
					Arrays.asList(5, 1));
	}

	@Test
	void selectRelatedFetchesTheAuthorInTheSameCommand() {
		List<Post> loaded = posts().selectRelated("author").list();
		assertThat(this.commands.names()).containsExactly("aggregate");
		assertThat(loaded).extracting((post) -> (post.getAuthor() != null) ? post.getAuthor().getName() : null)
			.containsExactly("Ann", "Ann", "Bob", null);
		assertThat(this.commands.names()).containsExactly("aggregate");
	}

	@Test
	void prefetchRelatedIsOneMoreQueryPerRelation() {
		List<Post> loaded = posts().prefetchRelated("tags", "author").list();
		assertThat(this.commands.names()).containsExactly("find", "find", "find");
		assertThat(loaded.get(0).getTags()).extracting(Tag::getName).containsExactly("python", "pop");
		assertThat(loaded.get(2).getAuthor().getName()).isEqualTo("Bob");
		assertThat(loaded.get(3).getTags()).isEmpty();
		List<Author> authors = authors().prefetchRelated("posts").list();
		assertThat(authors.get(0).posts).extracting((p) -> p.id).containsExactlyInAnyOrder(1L, 2L);
		assertThat(authors.get(2).posts).isEmpty();
		assertThat(this.commands.count()).isEqualTo(5);
	}

	@Test
	void relatedGivesTheOtherSideAsAQuerySetWithoutLoadingAnything() {
		Author ann = template.objects(Author.class).get("pk", 1);
		Post first = template.objects(Post.class).get("pk", 1);
		this.commands.clear();
		QuerySet<Post> annPosts = template.related(ann, "posts");
		QuerySet<Tag> firstTags = template.related(first, "tags");
		QuerySet<Author> firstAuthor = template.related(first, "author");
		assertThat(this.commands.count()).isZero();
		assertThat(postIds(annPosts.orderBy("id"))).containsExactly(1L, 2L);
		assertThat(postIds(annPosts.filter("rating__gte", 4))).containsExactly(1L);
		assertThat(firstTags.orderBy("id").valuesList("name", String.class).list()).containsExactly("python", "pop");
		assertThat(firstAuthor.get().getName()).isEqualTo("Ann");
		assertThat(this.commands.names()).containsExactly("find", "find", "find", "find");
		Tag java = template.objects(Tag.class).get("name", "java");
		assertThat(postIds(template.<Post>related(java, "post").orderBy("id"))).containsExactly(2L, 3L);
		assertThat(template.related(template.objects(Post.class).get("pk", 4), "author").exists()).isFalse();
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> template.related(ann, "name"))
			.withMessageContaining("'name' is not a relation of Author. Choices are: posts");
	}

	@Test
	void relatedTakesTheRelatedModelForATypedQuerySet() {
		Author ann = template.objects(Author.class).get("pk", 1);
		Post first = template.objects(Post.class).get("pk", 1);
		this.commands.clear();
		QuerySet<Post> annPosts = template.related(ann, "posts", Post.class);
		List<Tag> tags = template.related(first, "tags", Tag.class).orderBy("id").list();
		assertThat(annPosts.orderBy("id").list()).extracting((post) -> post.id).containsExactly(1L, 2L);
		assertThat(tags).extracting(Tag::getName).containsExactly("python", "pop");
		assertThat(template.related(first, "author", Object.class).model()).as("a supertype will do").isEqualTo(Author.class);
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.related(ann, "posts", Tag.class))
			.withMessage("'posts' of Author relates to Post, not Tag: ask for related(instance, \"posts\", Post.class)");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> template.related(ann, "name", Post.class))
			.withMessageContaining("'name' is not a relation of Author");
		assertThat(this.commands.names()).containsExactly("find", "find");
	}

	@Test
	void relationErrorsNameTheChoices() {
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> authors().filter("post__title", "x"))
			.withMessageContaining("Cannot resolve keyword 'post' into field. Choices are: id, name, posts");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> posts().filter("author__nme", "x"))
			.withMessageContaining("Cannot resolve keyword 'nme' into field. Choices are: id, name, posts");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> posts().selectRelated("tags"))
			.withMessageContaining("Invalid field name(s) given in select_related: 'tags'. Choices are: author");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> template.objects(Tag.class).prefetchRelated("post"))
			.withMessageContaining("@Transient List<Post> post");
	}

}
