package io.djongo.spring.core.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.aggregate.Avg;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.Max;
import io.djongo.spring.core.query.aggregate.Sum;
import io.djongo.spring.core.query.functions.Lower;
import io.djongo.spring.core.relation.Author;
import io.djongo.spring.core.relation.Post;
import io.djongo.spring.core.relation.Tag;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was wrong or missing before expressions (issue 12), each against Django on PostgreSQL: filtered aggregates,
 * Django's GROUP BY of {@code values().annotate()}, transforms in {@code values()}, aggregates across relations on
 * the embedded server, and where nulls sort.
 */
class QuerySetGroupingIntegrationTests {

	static DjongoTemplate articles;

	static DjongoTemplate blog;

	@BeforeAll
	static void data() {
		articles = QuerySetFixtures.articles("grouping");
		blog = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("groupingblog"), Author.class, Post.class,
				Tag.class);
		Author ann = new Author(1, "Ann");
		Author bob = new Author(2, "Bob");
		blog.insertAll(List.of(ann, bob, new Author(3, "Cid")));
		blog.insertAll(List.of(new Post(1, "Django", 5, ann), new Post(2, "Spring", 3, ann), new Post(3, "Data", 4, bob),
				new Post(4, "Orphan", null, null)));
	}

	static QuerySet<Article> articles() {
		return articles.objects(Article.class);
	}

	static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	@Test
	void aggregateAppliesAnAggregatesFilter() {
		TestClients.recorder().clear();
		assertThat(articles().aggregate(Count.of("id").filter(Q.of("rating__gte", 4)).as("high"), Count.of("id")))
			.containsEntry("high", 2L).containsEntry("id__count", 6L);
		assertThat(TestClients.recorder().names()).containsExactly("aggregate");
		assertThat(articles().aggregate(Sum.of("views").filter(Q.of("rating__gte", 4).or(Q.of("rating", null)))
			.as("views"))).containsEntry("views", 7);
		assertThat(articles().aggregate(Avg.of("views").filter(Q.of("rating__gt", 99)).as("none")))
			.containsEntry("none", null);
	}

	@Test
	void aFilteredAggregateAnnotatesTheModelItself() {
		assertThat(articles().annotate("high", Count.of("id").filter(Q.of("rating__gte", 4))).orderBy("pk")
			.valuesList("high", Integer.class).list()).containsExactly(0, 1, 0, 0, 1, 0);
		assertThat(articles().annotate("views4", Sum.of("views").filter(Q.of("rating", 4))).orderBy("pk")
			.valuesList("views4", Integer.class).list()).containsExactly(null, null, null, null, 4, null);
	}

	@Test
	void valuesThenAnnotateGroupsByTheValues() {
		QuerySet<Post> posts = blog.objects(Post.class);
		TestClients.recorder().clear();
		QuerySet<Map<String, Object>> perAuthor = posts.values("author").annotate("c", Count.of("id")).orderBy("author");
		assertThat(perAuthor.list()).containsExactly(map("author", null, "c", 1), map("author", 1L, "c", 2),
				map("author", 2L, "c", 1));
		assertThat(TestClients.recorder().names()).containsExactly("aggregate");
		assertThat(perAuthor.count()).isEqualTo(3);
		assertThat(perAuthor.filter("c__gt", 1).list()).as("a filter on the aggregate is HAVING")
			.containsExactly(map("author", 1L, "c", 2));
		assertThat(posts.filter("rating__gte", 4).values("author").annotate("c", Count.of("id")).orderBy("author")
			.list()).as("a filter before is WHERE").containsExactly(map("author", 1L, "c", 1), map("author", 2L, "c", 1));
		assertThat(posts.values("author").annotate("c", Count.of("id")).orderBy("-c", "author")
			.valuesList("c", Integer.class).list()).as("ordered by the aggregate, flat after grouping")
			.containsExactly(2, 1, 1);
		assertThat(posts.values("author").annotate("total", Sum.of("rating")).annotate("avg", Avg.of("rating"))
			.filter("author", 1).list()).containsExactly(map("author", 1L, "total", 8, "avg", 4.0));
		assertThat(perAuthor.aggregate(Max.of("c"))).containsEntry("c__max", 2);
	}

	@Test
	void valuesAfterAnnotateOnlySelects() {
		QuerySet<Article> tagged = articles().annotate("numTags", Count.of("tags")).orderBy("pk");
		assertThat(tagged.values("title", "numTags").list()).hasSize(6);
		assertThat(articles().values("status").annotate("n", Count.of("id")).orderBy("status").list())
			.containsExactly(map("status", null, "n", 4), map("status", Article.Status.DRAFT, "n", 1),
					map("status", Article.Status.PUBLISHED, "n", 1));
	}

	@Test
	void valuesTakeTransformsAndGroupByThem() {
		assertThat(articles().orderBy("pk").values("title", "publishedDate__year").slice(0, 2).list())
			.containsExactly(map("title", "Django on MongoDB", "publishedDate__year", 2024),
					map("title", "Spring data", "publishedDate__year", 2024));
		assertThat(articles().values("publishedDate__year").annotate("n", Count.of("id")).orderBy("publishedDate__year")
			.valuesList("publishedDate__year", "n").list()).containsExactly(Arrays.asList(1969, 1), Arrays.asList(2021, 1),
					Arrays.asList(2023, 1), Arrays.asList(2024, 2), Arrays.asList(2025, 1));
		assertThat(articles().filter("pk", 3).values("day__year").list()).containsExactly(map("day__year", null));
	}

	@Test
	void aPlainAnnotationAfterGroupingIsGroupedByOrComputedFromTheAggregates() {
		QuerySet<Map<String, Object>> perAuthor = blog.objects(Post.class).values("author")
			.annotate("c", Count.of("id"))
			.annotate("twice", F.of("c").times(2))
			.orderBy("author");
		assertThat(perAuthor.valuesList("twice", Integer.class).list()).containsExactly(2, 4, 2);
		assertThat(blog.objects(Post.class).values("author").annotate("c", Count.of("id"))
			.annotate("lower", Lower.of("title")).filter("author", 1).orderBy("lower")
			.valuesList("lower", "c").list()).containsExactly(Arrays.asList("django", 1), Arrays.asList("spring", 1));
	}

	@Test
	void aggregatesAcrossARelationRunOnEveryServer() {
		QuerySet<Author> authors = blog.objects(Author.class).orderBy("id");
		assertThat(authors.annotate("avg", Avg.of("posts__rating")).annotate("max", Max.of("posts__rating"))
			.valuesList("avg", "max").list()).containsExactly(Arrays.asList(4.0, 5), Arrays.asList(4.0, 4),
					Arrays.asList(null, null));
		assertThat(authors.annotate("high", Count.of("posts").filter(Q.of("posts__rating__gte", 4)))
			.valuesList("high", Integer.class).list()).containsExactly(1, 1, 0);
	}

	@Test
	void nullsGoWhereTheOrderingSays() {
		// ratings by id: 3, 5, null, 1, 4, 2
		assertThat(articles().orderBy(F.of("rating").asc().nullsLast()).valuesList("pk", Long.class).list())
			.containsExactly(4L, 6L, 1L, 5L, 2L, 3L);
		assertThat(articles().orderBy(F.of("rating").desc().nullsFirst()).valuesList("pk", Long.class).list())
			.containsExactly(3L, 2L, 5L, 1L, 6L, 4L);
		assertThat(articles().orderBy(F.of("rating").desc()).valuesList("pk", Long.class).list())
			.as("MongoDB's order: nulls last descending").containsExactly(2L, 5L, 1L, 6L, 4L, 3L);
		assertThat(articles().orderBy(F.of("rating").asc().nullsLast()).reverse().valuesList("pk", Long.class).list())
			.as("reversed, nulls first").containsExactly(3L, 2L, 5L, 1L, 6L, 4L);
		assertThat(articles().orderBy(F.of("rating").asc().nullsLast()).list()).extracting((a) -> a.id)
			.containsExactly(4L, 6L, 1L, 5L, 2L, 3L);
		assertThat(articles().orderBy("title", F.of("rating").asc()).command().toJson()).contains("\"find\"");
	}

}
