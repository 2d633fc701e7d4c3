package io.djongo.spring.core.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.relation.Author;
import io.djongo.spring.core.relation.Post;
import io.djongo.spring.core.relation.Tag;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.data.util.CloseableIterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code earliest}/{@code latest} ({@code tests/get_earliest_or_latest}), {@code contains}, {@code inBulk} by a field
 * ({@code tests/lookup}), {@code explain} ({@code tests/queries/test_explain.py}) and {@code iterator}/{@code stream}
 * from a server cursor.
 */
class QuerySetMethodsIntegrationTests {

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("methods"), Author.class, Post.class,
				Tag.class);
		template.insertAll(List.of(new Article(1, "Article 1").published("2005-07-26T00:00:00Z").rating(3),
				new Article(2, "Article 2").published("2005-07-27T00:00:00Z").rating(5),
				new Article(3, "Article 3").published("2005-07-28T00:00:00Z").rating(3),
				new Article(4, "Article 4").published("2005-07-28T00:00:00Z").rating(4),
				new Article(5, "Unpublished")));
		List<Num> numbers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			numbers.add(new Num(i + 1, i, 10 - i));
		}
		template.insertAll(numbers);
		template.mongo(Member.class).createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
		Author ann = new Author(1, "Ann");
		template.insertAll(List.of(ann));
		Tag java = new Tag(1, "java");
		Tag spring = new Tag(2, "spring");
		template.insertAll(List.of(java, spring));
		List<Post> posts = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			posts.add(new Post(i, "Post " + i, i, ann, java, spring));
		}
		template.insertAll(posts);
	}

	@BeforeEach
	void clear() {
		this.commands.clear();
	}

	static QuerySet<Article> articles() {
		return template.objects(Article.class);
	}

	// ---- earliest and latest

	@Test
	void earliestAndLatestByFieldsAreOneFindSortedAndLimitedToOne() {
		QuerySet<Article> published = articles().filter("publishedDate__isnull", false);
		assertThat(published.earliest("publishedDate").title).isEqualTo("Article 1");
		assertThat(this.commands.names()).containsExactly("find");
		assertThat(published.latest("publishedDate", "-id").title).isEqualTo("Article 3");
		assertThat(published.latest("publishedDate", "id").title).isEqualTo("Article 4");
		assertThat(published.earliest("-publishedDate").title).isEqualTo("Article 3");
		assertThat(published.filter("rating", 3).latest("publishedDate").title).isEqualTo("Article 3");
		assertThatExceptionOfType(DoesNotExistException.class)
			.isThrownBy(() -> articles().filter("rating", 42).earliest("publishedDate"));
	}

	@Test
	void withoutFieldsTheModelsGetLatestByOrdersAndWithoutItTheyAreRequired() {
		assertThat(template.objects(Num.class).latest().num).isEqualTo(9);
		assertThat(template.objects(Num.class).earliest().num).isZero();
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> articles().latest())
			.withMessage("earliest() and latest() require either fields as positional arguments or getLatestBy in"
					+ " Article's @Model.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().slice(0, 2).earliest("id"))
			.withMessage("Cannot change a query once a slice has been taken.");
	}

	// ---- contains (tests/basic: ModelInstanceContainsTests; tests/queries: QuerySetContainsTests)

	@Test
	void containsAsksOneExistsOrTheCache() {
		Article one = articles().get("pk", 1);
		this.commands.clear();
		assertThat(articles().filter("rating", 3).contains(one)).isTrue();
		assertThat(articles().filter("rating", 5).contains(one)).isFalse();
		assertThat(this.commands.names()).containsExactly("find", "find");
		QuerySet<Article> evaluated = articles().filter("rating__gte", 3);
		evaluated.list();
		this.commands.clear();
		assertThat(evaluated.contains(one)).isTrue();
		assertThat(this.commands.count()).isZero();
		assertThat(articles().contains(template.objects(Num.class).first().orElseThrow())).isFalse();
	}

	@Test
	void containsRefusesUnsavedModelsValuesAndOtherObjects() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().contains(new Article()))
			.withMessage("QuerySet.contains() cannot be used on unsaved objects.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().values("title").contains(new Article(1, "x")))
			.withMessage("Cannot call QuerySet.contains() after .values() or .values_list().");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().contains("Article 1"));
	}

	// ---- in_bulk by field

	@Test
	void inBulkByAUniqueFieldKeysByTheValuesGiven() {
		template.mongo(Member.class).deleteMany(new Document());
		template.insertAll(List.of(QuerySetCreateIntegrationTests.member("a@x", "A", "Aa", 1), QuerySetCreateIntegrationTests.member("b@x", "B", "Bb", 2)));
		this.commands.clear();
		Map<String, Member> members = template.objects(Member.class).inBulk(List.of("a@x", "c@x", "b@x"), "email");
		assertThat(members).containsOnlyKeys("a@x", "b@x");
		assertThat(members.get("b@x").firstName).isEqualTo("B");
		assertThat(this.commands.names()).containsExactly("find");
		assertThat(articles().inBulk(List.of(1, "2"), "pk")).containsOnlyKeys(1, "2");
		assertThat(articles().inBulk(List.of(), "pk")).isEmpty();
	}

	@Test
	void inBulkRefusesAFieldThatIsNotUnique() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().inBulk(List.of("x"), "title"))
			.withMessageStartingWith("in_bulk()'s field_name must be a unique field but 'title' isn't");
	}

	// ---- explain

	@Test
	void explainIsTheServersPlanOfTheListing() {
		if (TestMongo.isEmbedded()) {
			assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
				.isThrownBy(() -> articles().filter("rating", 3).explain())
				.withMessageContaining(".explain(): needs a real MongoDB");
			TestMongo.assumeRealMongoDb("explain");
		}
		// tests/queries/test_explain.py: every kind of QuerySet has a plan
		for (QuerySet<?> qs : List.of(articles().filter("rating", 3), articles().orderBy("-rating").slice(0, 2),
				template.objects(Post.class).selectRelated("author"), template.objects(Post.class).filter("tags__name",
						"java"), articles().union(articles().filter("rating", 5)))) {
			Document plan = qs.explain();
			assertThat(plan.toJson()).as(qs.toString()).contains("queryPlanner");
		}
	}

	// ---- iterator and stream

	@Test
	void iteratorReadsInChunksWithoutCaching() {
		QuerySet<Num> numbers = template.objects(Num.class).orderBy("num");
		List<Integer> read = new ArrayList<>();
		try (CloseableIterator<Num> iterator = numbers.iterator(3)) {
			iterator.forEachRemaining((number) -> read.add(number.num));
		}
		assertThat(read).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(this.commands.names()).containsExactly("find", "getMore", "getMore", "getMore");
		assertThat(this.commands.commands().get(0).getInt32("batchSize").getValue()).isEqualTo(3);
		this.commands.clear();
		assertThat(numbers.stream().map(Num::num).toList()).hasSize(10);
		assertThat(numbers.stream().count()).isEqualTo(10);
		assertThat(this.commands.names()).as("nothing cached").containsExactly("find", "find");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> numbers.iterator(0))
			.withMessage("Chunk size must be strictly positive.");
	}

	@Test
	void aStreamClosedEarlyClosesItsCursor() {
		try (Stream<Num> stream = template.objects(Num.class).iterator(2).stream()) {
			assertThat(stream.limit(3).map(Num::num)).hasSize(3);
		}
		assertThat(this.commands.names()).contains("find").doesNotContain("aggregate");
		Iterator<Num> iterator = template.objects(Num.class).none().iterator(5);
		assertThat(iterator.hasNext()).isFalse();
	}

	@Test
	void iteratorPrefetchesRelationsOncePerChunk() {
		QuerySet<Post> posts = template.objects(Post.class).orderBy("id").prefetchRelated("tags");
		List<List<String>> tags = new ArrayList<>();
		try (CloseableIterator<Post> iterator = posts.iterator(2)) {
			iterator.forEachRemaining((post) -> tags.add(post.getTags().stream().map(Tag::getName).toList()));
		}
		assertThat(tags).hasSize(5).allSatisfy((names) -> assertThat(names).containsExactly("java", "spring"));
		long prefetches = this.commands.names().stream().filter((name) -> name.equals("find")).count() - 1;
		assertThat(prefetches).as("one find of tags per chunk of 2 posts").isEqualTo(3);
	}

	@Test
	void valuesStreamToo() {
		assertThat(articles().orderBy("id").valuesList("title", String.class).iterator(2).stream().toList())
			.containsExactly("Article 1", "Article 2", "Article 3", "Article 4", "Unpublished");
	}

}
