package io.djongo.spring.core.django;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Case;
import io.djongo.spring.core.query.Exists;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.OuterRef;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.Subquery;
import io.djongo.spring.core.query.Value;
import io.djongo.spring.core.query.When;
import io.djongo.spring.core.query.aggregate.Avg;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.Max;
import io.djongo.spring.core.query.aggregate.Sum;
import io.djongo.spring.test.TestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Expressions, GROUP BY and subqueries over the documents djongo wrote (the fixture), where they touch ids and
 * relations: each answer is the one Django gives on the same database.
 */
class DjangoExpressionIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void fixture() {
		template = DjangoFixture.template("django_expressions");
	}

	static QuerySet<Author> authors() {
		return template.objects(Author.class).orderBy("id");
	}

	static QuerySet<Post> posts() {
		return template.objects(Post.class);
	}

	static QuerySet<Tag> tags() {
		return template.objects(Tag.class).orderBy("id");
	}

	static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	@Test
	void aSubqueryCorrelatedByTheIdColumn() {
		// Author.objects.annotate(latest=Subquery(Post.objects.filter(author=OuterRef("pk")).order_by("-id")
		// .values("title")[:1]))
		QuerySet<?> latest = posts().filter("author", OuterRef.of("pk")).orderBy("-id")
			.valuesList("title", String.class).slice(0, 1);
		TestClients.recorder().clear();
		assertThat(authors().annotate("latest", Subquery.of(latest)).valuesList("name", "latest").list())
			.containsExactly(Arrays.asList("Ann", "Django on Mongo"), Arrays.asList("Bob", "Spring side"),
					Arrays.asList("Cid", null));
		assertThat(TestClients.recorder().names()).as("one command").containsExactly("aggregate");
		QuerySet<?> total = posts().filter("author", OuterRef.of("pk")).values("author")
			.annotate("total", Sum.of("rating")).values("total");
		assertThat(authors().annotate("total", Subquery.of(total)).valuesList("total", Integer.class).list())
			.containsExactly(4, 5, null);
		// the post's author's name, through the foreign key column
		QuerySet<?> authorName = template.objects(Author.class).filter("pk", OuterRef.of("author"))
			.valuesList("name", String.class);
		assertThat(posts().orderBy("id").annotate("by", Subquery.of(authorName)).valuesList("by", String.class)
			.list()).containsExactly("Ann", "Ann", "Bob");
	}

	@Test
	void aSubqueryThroughDjangosThroughCollection() {
		// Tag.objects.annotate(first=Subquery(Post.objects.filter(tags=OuterRef("pk")).order_by("id")
		// .values("title")[:1]))
		QuerySet<?> first = posts().filter("tags", OuterRef.of("pk")).orderBy("id")
			.valuesList("title", String.class).slice(0, 1);
		assertThat(tags().annotate("first", Subquery.of(first)).valuesList("first", String.class).list())
			.containsExactly("Hello djongo", "Hello djongo", null);
		// Tag.objects.annotate(ann=Exists(Author.objects.filter(name="Ann", post__tags=OuterRef("pk")))):
		// two lists crossed (the author's posts, each post's pairs)
		QuerySet<Author> ann = template.objects(Author.class).filter("name", "Ann")
			.filter("post__tags", OuterRef.of("pk"));
		assertThat(tags().annotate("ann", Exists.of(ann)).valuesList("ann", Boolean.class).list())
			.containsExactly(true, true, false);
		QuerySet<Author> bob = template.objects(Author.class).filter("name", "Bob")
			.filter("post__tags", OuterRef.of("pk"));
		assertThat(tags().filter(Exists.of(bob)).exists()).isFalse();
		QuerySet<Post> tagged = posts().filter("pk", OuterRef.of("pk")).filter("tags__name", "mongodb");
		assertThat(posts().orderBy("id").annotate("mongo", Exists.of(tagged)).valuesList("mongo", Boolean.class)
			.list()).containsExactly(true, false, false);
	}

	@Test
	void existsAndInAQuerySetCompareTheIdColumn() {
		QuerySet<Post> rated = posts().filter("author", OuterRef.of("pk")).filter("rating__gte", 5);
		assertThat(authors().filter(Exists.of(rated)).valuesList("name", String.class).list()).containsExactly("Bob");
		assertThat(authors().exclude(Exists.of(posts().filter("author", OuterRef.of("pk"))))
			.valuesList("name", String.class)
			.list()).containsExactly("Cid");
		assertThat(authors().filter("pk__in", posts().filter("rating__gte", 4).values("author"))
			.valuesList("name", String.class)
			.list()).containsExactly("Ann", "Bob");
		assertThat(posts().filter("pk__in", posts().filter("title__startswith", "S")).valuesList("title", String.class)
			.list()).as("a QuerySet of models is in its id column").containsExactly("Spring side");
		assertThat(tags().filter("pk__in", posts().filter("pk", 2).values("tags")).valuesList("name", String.class)
			.list()).as("the ids of a many-to-many in Django's through collection").containsExactly("django");
	}

	@Test
	void valuesThenAnnotateGroupsByTheForeignKeyColumn() {
		QuerySet<Map<String, Object>> perAuthor = posts().values("author").annotate("c", Count.of("id"))
			.orderBy("author");
		assertThat(perAuthor.list()).containsExactly(map("author", 1L, "c", 2), map("author", 2L, "c", 1));
		assertThat(perAuthor.filter("c__gt", 1).valuesList("author", Long.class).list()).containsExactly(1L);
		assertThat(posts().values("author__name").annotate("views", Sum.of("stats__views")).orderBy("author__name")
			.list()).containsExactly(map("author__name", "Ann", "views", 105), map("author__name", "Bob", "views", 7));
		// through the through collection: one row per pair, as Django's join (Tag.values("post__author")
		// .annotate(n=Count("id")): tag 3 has no post, django two posts of Ann, mongodb one)
		assertThat(tags().values("post__author").annotate("n", Count.of("id")).orderBy("post__author").list())
			.containsExactly(map("post__author", null, "n", 1), map("post__author", 1L, "n", 3));
		// Post.values("tags").annotate(n=Count("id")): posts per tag id, None for the post without tags
		assertThat(posts().values("tags").annotate("n", Count.of("id")).orderBy("tags").valuesList("tags", "n").list())
			.containsExactly(Arrays.asList(null, 1), Arrays.asList(1L, 2), Arrays.asList(2L, 1));
		assertThat(template.objects(Author.class).values("post__title").annotate("n", Count.of("id"))
			.filter("n__gt", 0)
			.count()).isEqualTo(4);
		// two lists crossed (an author's posts, each post's tags): refused rather than grouped by whole lists
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> template.objects(Author.class).values("post__tags").annotate("n", Count.of("id")).list())
			.withMessageContaining("grouping by values through more than one list is not supported");
	}

	@Test
	void aggregatesAndExpressionsAcrossRelations() {
		assertThat(authors().annotate("avg", Avg.of("post__rating")).annotate("max", Max.of("post__rating"))
			.valuesList("avg", "max").list()).containsExactly(Arrays.asList(4.0, 4), Arrays.asList(5.0, 5),
					Arrays.asList(null, null));
		assertThat(authors().annotate("high", Count.of("post").filter(Q.of("post__rating__gte", 4)))
			.valuesList("high", Integer.class)
			.list()).containsExactly(1, 1, 0);
		assertThat(authors().annotate("tagged", Count.of("post__tags").distinct()).valuesList("tagged", Integer.class)
			.list()).containsExactly(2, 0, 0);
		assertThat(posts().orderBy("id").annotate("by", F.of("author__name")).valuesList("by", String.class).list())
			.containsExactly("Ann", "Ann", "Bob");
		assertThat(posts().orderBy("id")
			.annotate("kind", Case.of(When.of("tags", 2, Value.of("mongo")), When.of("author__name", "Bob",
					Value.of("bob")))
				.otherwise(Value.of("other")))
			.valuesList("kind", String.class)
			.list()).containsExactly("mongo", "other", "bob");
		assertThat(posts().filter("author", F.of("id")).valuesList("title", String.class).list())
			.as("a foreign key column compared with the id column").containsExactly("Hello djongo");
		assertThat(posts().aggregate(Count.of("author").distinct(), Sum.of("rating"))).containsEntry("author__count", 2L)
			.containsEntry("rating__sum", 9);
	}

	@Test
	void aggregatesRestrictedOverTheThroughCollection() {
		// Post.objects.annotate(n=Count("tags", filter=Q(tags__name="django")))
		assertThat(posts().orderBy("id").annotate("n", Count.of("tags").filter(Q.of("tags__name", "django")))
			.valuesList("n", Integer.class)
			.list()).containsExactly(1, 1, 0);
		assertThat(posts().orderBy("id").annotate("n", Count.of("tags").filter(Q.of("tags__name__startswith", "m")))
			.valuesList("n", Integer.class)
			.list()).containsExactly(1, 0, 0);
		// a filter before annotate restricts what the annotation counts (Django's rule)
		assertThat(posts().filter("tags__name", "django").annotate("n", Count.of("tags")).orderBy("id")
			.valuesList("title", "n").list()).containsExactly(Arrays.asList("Hello djongo", 1),
					Arrays.asList("Django on Mongo", 1));
		// after annotate it does not
		assertThat(posts().annotate("n", Count.of("tags")).filter("tags__name", "django").orderBy("id")
			.valuesList("title", "n").list()).containsExactly(Arrays.asList("Hello djongo", 2),
					Arrays.asList("Django on Mongo", 1));
		// Post.objects.aggregate(n=Count("tags", filter=Q(tags__name="django"))): the pairs kept, not the posts
		assertThat(posts().aggregate(Count.of("tags").filter(Q.of("tags__name", "django")).as("n"))).containsEntry("n",
				2L);
		assertThat(posts().filter("tags__name", "django").aggregate(Count.of("tags"))).containsEntry("tags__count", 2L);
		assertThat(posts().values("author").annotate("n", Count.of("tags").filter(Q.of("tags__name", "django")))
			.orderBy("author")
			.valuesList("author", "n")
			.list()).containsExactly(Arrays.asList(1L, 2), Arrays.asList(2L, 0));
		// the reverse side: Tag.objects.annotate(n=Count("post", filter=Q(post__rating__gte=4)))
		assertThat(tags().annotate("n", Count.of("post").filter(Q.of("post__rating__gte", 4)))
			.valuesList("n", Integer.class)
			.list()).containsExactly(1, 0, 0);
		assertThat(tags().annotate("top", Max.of("post__rating").filter(Q.of("post__title__contains", "Hello")))
			.valuesList("top", Integer.class)
			.list()).containsExactly(null, null, null);
		assertThat(tags().annotate("top", Max.of("post__rating").filter(Q.of("post__title__contains", "Mongo")))
			.valuesList("top", Integer.class)
			.list()).containsExactly(4, null, null);
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> posts().annotate("n", Count.of("tags").filter(Q.of("author__name", "Ann"))).list())
			.withMessageContaining("must look through 'tags', but 'author__name' does not");
	}

	@Test
	void combinationsOfValuesByTheIdColumn() {
		QuerySet<Map<String, Object>> rated = posts().filter("rating__gte", 4).values("pk");
		QuerySet<Map<String, Object>> ann = posts().filter("author", 1).values("pk");
		assertThat(rated.intersection(ann).list()).containsExactly(map("pk", 2L));
		assertThat(rated.difference(ann).list()).containsExactly(map("pk", 3L));
	}

}
