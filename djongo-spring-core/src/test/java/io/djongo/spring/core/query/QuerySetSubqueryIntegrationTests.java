package io.djongo.spring.core.query;

import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.Sum;
import io.djongo.spring.core.query.functions.Coalesce;
import io.djongo.spring.core.relation.Author;
import io.djongo.spring.core.relation.Post;
import io.djongo.spring.core.relation.Tag;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code Subquery}, {@code OuterRef}, {@code Exists} and {@code filter("x__in", queryset)} against Django's
 * {@code tests/expressions} on PostgreSQL: each is a {@code $lookup} with a pipeline in the outer query's one command.
 */
class QuerySetSubqueryIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("subqueries"), Author.class, Post.class,
				Tag.class);
		Author ann = new Author(1, "Ann");
		Author bob = new Author(2, "Bob");
		template.insertAll(List.of(ann, bob, new Author(3, "Cid")));
		template.insertAll(List.of(new Post(1, "Django", 5, ann), new Post(2, "Spring", 3, bob), new Post(3, "Mongo", 4, ann),
				new Post(4, "Nulls", null, ann), new Post(5, "Orphan", 1, null)));
	}

	static QuerySet<Author> authors() {
		return template.objects(Author.class).orderBy("id");
	}

	static QuerySet<Post> posts() {
		return template.objects(Post.class);
	}

	static List<String> names(QuerySet<Author> qs) {
		return qs.valuesList("name", String.class).list();
	}

	@Test
	void aSubqueryIsTheOneValueOfACorrelatedQuerySet() {
		QuerySet<?> latest = posts().filter("author", OuterRef.of("pk")).orderBy("-id").valuesList("title",
				String.class).slice(0, 1);
		TestClients.recorder().clear();
		assertThat(authors().annotate("latest", Subquery.of(latest)).valuesList("name", "latest").list())
			.containsExactly(Arrays.asList("Ann", "Nulls"), Arrays.asList("Bob", "Spring"), Arrays.asList("Cid", null));
		assertThat(TestClients.recorder().names()).as("one command").containsExactly("aggregate");
		assertThat(names(authors().filter("name__lt", Subquery.of(latest)))).containsExactly("Ann", "Bob");
		assertThat(authors().orderBy(Subquery.of(latest).desc()).valuesList("name", String.class).list())
			.containsExactly("Bob", "Ann", "Cid");
	}

	@Test
	void aSubqueryCanAggregateByGrouping() {
		QuerySet<?> total = posts().filter("author", OuterRef.of("pk")).values("author")
			.annotate("total", Sum.of("rating")).values("total");
		assertThat(authors().annotate("total", Subquery.of(total)).valuesList("total", Integer.class).list())
			.containsExactly(9, 3, null);
		assertThat(authors().annotate("total", Coalesce.of(Subquery.of(total), Value.of(0)))
			.valuesList("total", Integer.class).list()).containsExactly(9, 3, 0);
	}

	@Test
	void aSubqueryFindingSeveralDocumentsIsAnError() {
		QuerySet<?> all = posts().filter("author", OuterRef.of("pk")).valuesList("title", String.class);
		assertThatExceptionOfType(IncorrectResultSizeDataAccessException.class)
			.isThrownBy(() -> authors().annotate("title", Subquery.of(all)).list())
			.withMessageContaining("more than one row returned by a subquery used as an expression");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> authors().annotate("post", Subquery.of(posts().filter("author", OuterRef.of("pk")))))
			.withMessageContaining("Subquery needs a QuerySet selecting one field");
	}

	@Test
	void existsFiltersAndAnnotates() {
		QuerySet<Post> good = posts().filter("author", OuterRef.of("pk")).filter("rating__gte", 4);
		assertThat(names(authors().filter(Exists.of(good)))).containsExactly("Ann");
		assertThat(names(authors().exclude(Exists.of(good)))).containsExactly("Bob", "Cid");
		assertThat(names(authors().filter(Exists.of(good).not()))).containsExactly("Bob", "Cid");
		assertThat(names(authors().filter(Q.of(Exists.of(good)).or(Q.of("name", "Cid"))))).containsExactly("Ann", "Cid");
		assertThat(authors().annotate("good", Exists.of(good)).valuesList("good", Boolean.class).list())
			.containsExactly(true, false, false);
		assertThat(authors().annotate("kind", Case.of(When.of(Exists.of(good), Value.of("good")))
			.otherwise(Value.of("other"))).valuesList("kind", String.class).list()).containsExactly("good", "other",
					"other");
		assertThat(authors().filter(Exists.of(good)).count()).isOne();
	}

	@Test
	void inAQuerySetIsInItsValues() {
		TestClients.recorder().clear();
		assertThat(names(authors().filter("pk__in", posts().filter("rating__gte", 4).values("author"))))
			.containsExactly("Ann");
		assertThat(TestClients.recorder().names()).containsExactly("aggregate");
		assertThat(posts().filter("pk__in", posts().filter("title__startswith", "S")).valuesList("title", String.class)
			.list()).as("a QuerySet of models is in its ids").containsExactly("Spring");
		assertThat(names(authors().exclude("pk__in", posts().values("author")))).containsExactly("Cid");
		assertThat(names(authors().filter("pk__in", posts().filter("rating__gte", 99).values("author")))).isEmpty();
		// Django's expressions_case test_in_subquery
		DjongoTemplate caseTemplate = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("insubquery"));
		caseTemplate.insertAll(List.of(new CaseModel(1, 1, 1, "1"), new CaseModel(2, 2, 3, "2"),
				new CaseModel(3, 3, 4, "3"), new CaseModel(4, 2, 2, "2"), new CaseModel(5, 3, 4, "3"),
				new CaseModel(6, 3, 3, "3"), new CaseModel(7, 4, 5, "4")));
		QuerySet<CaseModel> cases = caseTemplate.objects(CaseModel.class);
		QuerySet<?> tested = cases.annotate("test",
				Case.of(When.of("integer", F.of("integer2"), "pk"), When.of("integer", 4, "pk")))
			.values("test");
		assertThat(cases.filter("pk__in", tested).orderBy("pk").valuesList("integer", "integer2").list())
			.containsExactly(Arrays.asList(1, 1), Arrays.asList(2, 2), Arrays.asList(3, 3), Arrays.asList(4, 5));
	}

	@Test
	void aQuerySetWithAnOuterRefIsOnlyASubquery() {
		QuerySet<Post> correlated = posts().filter("author", OuterRef.of("pk"));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(correlated::list)
			.withMessageContaining("contains a reference to an outer query (OuterRef [pk]) and may only be used in a "
					+ "subquery");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(correlated::count);
		assertThat(authors().annotate("n", Subquery.of(posts().filter("author", OuterRef.of("pk")).values("author")
			.annotate("n", Count.of("id")).values("n"))).valuesList("n", Integer.class).list()).containsExactly(3, 1, null);
	}

}
