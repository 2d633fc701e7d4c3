package io.djongo.spring.core.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.TestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Laziness, caching, the one-command rule, ordering, slicing and every evaluation method.
 */
class QuerySetEvaluationIntegrationTests {

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void data() {
		template = QuerySetFixtures.articles("evaluation");
	}

	@BeforeEach
	void clear() {
		this.commands.clear();
	}

	static QuerySet<Article> articles() {
		return template.objects(Article.class);
	}

	static List<Long> ids(Iterable<Article> articles) {
		List<Long> ids = new java.util.ArrayList<>();
		articles.forEach((a) -> ids.add(a.id));
		return ids;
	}

	@Test
	void buildingAChainSendsNothing() {
		QuerySet<Map<String, Object>> qs = articles().filter("rating__gte", 2)
			.exclude("title__icontains", "spring")
			.orderBy("-publishedDate")
			.annotate("double", F.of("views").times(2))
			.values("title")
			.distinct()
			.all()
			.reverse()
			.slice(0, 3)
			.values();
		assertThat(qs).isNotNull();
		assertThat(this.commands.count()).isZero();
	}

	@Test
	void chainMethodsReturnNewQuerySetsAndLeaveTheOriginalUnchanged() {
		QuerySet<Article> all = articles();
		QuerySet<Article> rated = all.filter("rating__isnull", false);
		assertThat(rated).isNotSameAs(all);
		assertThat(all.count()).isEqualTo(6);
		assertThat(rated.count()).isEqualTo(5);
	}

	@Test
	void iterationIsOneFindAndIsCached() {
		QuerySet<Article> qs = articles().filter("rating__gte", 3).orderBy("id");
		assertThat(ids(qs)).containsExactly(1L, 2L, 5L);
		assertThat(this.commands.names()).containsExactly("find");
		assertThat(ids(qs)).containsExactly(1L, 2L, 5L);
		assertThat(qs.list()).hasSize(3);
		assertThat(qs.stream().count()).isEqualTo(3);
		assertThat(qs.count()).isEqualTo(3);
		assertThat(qs.exists()).isTrue();
		assertThat(qs.first()).get().extracting((a) -> a.id).isEqualTo(1L);
		assertThat(qs.last()).get().extracting((a) -> a.id).isEqualTo(5L);
		assertThat(this.commands.count()).isEqualTo(1);
	}

	@Test
	void allReturnsAFreshUnevaluatedCopy() {
		QuerySet<Article> qs = articles();
		qs.list();
		qs.all().list();
		assertThat(this.commands.names()).containsExactly("find", "find");
	}

	@Test
	void eachKindOfEvaluationIsOneCommand() {
		articles().filter("publishedDate__week_day", 1).list();
		assertThat(this.commands.names()).containsExactly("find");
		this.commands.clear();
		articles().annotate("twice", F.of("views").times(2)).filter("twice__gt", 5).orderBy("-twice").list();
		assertThat(this.commands.names()).containsExactly("aggregate");
		this.commands.clear();
		articles().filter("rating__gt", 1).count();
		assertThat(this.commands.names()).containsExactly("aggregate");
		this.commands.clear();
		articles().filter("rating__gt", 1).exists();
		assertThat(this.commands.names()).containsExactly("find");
		this.commands.clear();
		articles().aggregate(io.djongo.spring.core.query.aggregate.Avg.of("rating"));
		assertThat(this.commands.names()).containsExactly("aggregate");
		this.commands.clear();
		articles().orderBy("?").list();
		assertThat(this.commands.names()).containsExactly("aggregate");
		this.commands.clear();
		articles().values("title").distinct().list();
		assertThat(this.commands.names()).containsExactly("aggregate");
		this.commands.clear();
		articles().first();
		articles().last();
		articles().get("pk", 1);
		assertThat(this.commands.names()).containsExactly("find", "find", "find");
	}

	@Test
	void largeResultsUseGetMoreOnTheSameCursor() {
		DjongoTemplate big = io.djongo.spring.test.DjongoTestConfiguration
			.template(io.djongo.spring.test.TestMongo.uniqueDatabaseName("big"));
		List<Article> many = new java.util.ArrayList<>();
		for (long i = 1; i <= 250; i++) {
			many.add(new Article(i, "a" + i));
		}
		big.insertAll(many);
		this.commands.clear();
		assertThat(big.objects(Article.class).list()).hasSize(250);
		assertThat(this.commands.names()).first().isEqualTo("find");
		assertThat(this.commands.names()).allMatch((name) -> name.equals("find") || name.equals("getMore"));
		assertThat(this.commands.names()).filteredOn("find"::equals).hasSize(1);
	}

	@Test
	void orderingWithSeveralKeysAndDirections() {
		assertThat(ids(articles().orderBy("-rating", "id"))).containsExactly(2L, 5L, 1L, 6L, 4L, 3L);
		assertThat(ids(articles().orderBy("rating", "-id"))).containsExactly(3L, 4L, 6L, 1L, 5L, 2L);
		assertThat(ids(articles().orderBy("blog__name", "id"))).containsExactly(3L, 4L, 5L, 6L, 1L, 2L);
	}

	@Test
	void aSecondOrderByReplacesTheFirst() {
		assertThat(ids(articles().orderBy("-id").orderBy("views"))).containsExactly(3L, 6L, 2L, 5L, 4L, 1L);
	}

	@Test
	void reverseFlipsTheOrdering() {
		assertThat(ids(articles().orderBy("views").reverse())).containsExactly(1L, 4L, 5L, 2L, 6L, 3L);
		assertThat(ids(articles().orderBy("views").reverse().reverse())).containsExactly(3L, 6L, 2L, 5L, 4L, 1L);
	}

	@Test
	void randomOrderingReturnsEveryDocumentOnce() {
		assertThat(ids(articles().orderBy("?"))).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
	}

	@Test
	void defaultOrderingComesFromTheModel() {
		DjongoTemplate ordered = io.djongo.spring.test.DjongoTestConfiguration
			.template(io.djongo.spring.test.TestMongo.uniqueDatabaseName("ordered"));
		ordered.insertAll(List.of(new OrderedNote(1L, "b"), new OrderedNote(2L, "c"), new OrderedNote(3L, "a")));
		assertThat(ordered.objects(OrderedNote.class).list()).extracting((n) -> n.text).containsExactly("a", "c", "b");
		assertThat(ordered.objects(OrderedNote.class).reverse().list()).extracting((n) -> n.text)
			.containsExactly("b", "c", "a");
		assertThat(ordered.objects(OrderedNote.class).first()).get().extracting((n) -> n.text).isEqualTo("a");
		assertThat(ordered.objects(OrderedNote.class).last()).get().extracting((n) -> n.text).isEqualTo("b");
		assertThat(ordered.objects(OrderedNote.class).orderBy().list()).hasSize(3);
	}

	@Test
	void slicingMapsToSkipAndLimit() {
		QuerySet<Article> qs = articles().orderBy("id");
		assertThat(ids(qs.slice(1, 3))).containsExactly(2L, 3L);
		assertThat(ids(qs.slice(4))).containsExactly(5L, 6L);
		assertThat(ids(qs.slice(1, 5).slice(1, 2))).containsExactly(3L);
		assertThat(ids(qs.slice(2).slice(0, 1))).containsExactly(3L);
		assertThat(this.commands.commands()).allSatisfy((command) -> assertThat(command.getFirstKey()).isEqualTo("find"));
		assertThat(this.commands.commands().get(0).getInt32("skip").getValue()).isEqualTo(1);
		assertThat(this.commands.commands().get(0).getInt32("limit").getValue()).isEqualTo(2);
	}

	@Test
	void emptySlicesSendNothing() {
		assertThat(articles().slice(3, 3).list()).isEmpty();
		assertThat(articles().slice(5, 2).count()).isZero();
		assertThat(this.commands.count()).isZero();
	}

	@Test
	void negativeIndexesAreRejected() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> articles().slice(-1, 2))
			.withMessage("Negative indexing is not supported.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> articles().slice(-2))
			.withMessage("Negative indexing is not supported.");
	}

	@Test
	void aSlicedQuerySetCannotBeFilteredReorderedOrReversed() {
		QuerySet<Article> sliced = articles().slice(0, 2);
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> sliced.filter("rating", 1))
			.withMessage("Cannot filter a query once a slice has been taken.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> sliced.orderBy("id"))
			.withMessage("Cannot reorder a query once a slice has been taken.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(sliced::last)
			.withMessage("Cannot reverse a query once a slice has been taken.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(sliced::delete)
			.withMessage("Cannot use 'limit' or 'offset' with delete().");
	}

	@Test
	void countRespectsSlices() {
		assertThat(articles().slice(2, 4).count()).isEqualTo(2);
		assertThat(articles().slice(5).count()).isEqualTo(1);
		assertThat(articles().slice(10).exists()).isFalse();
	}

	@Test
	void firstAndLastOrderByIdWhenUnordered() {
		assertThat(articles().first()).get().extracting((a) -> a.id).isEqualTo(1L);
		assertThat(articles().last()).get().extracting((a) -> a.id).isEqualTo(6L);
		assertThat(articles().orderBy("views").first()).get().extracting((a) -> a.id).isEqualTo(3L);
		assertThat(articles().orderBy("views").last()).get().extracting((a) -> a.id).isEqualTo(1L);
		assertThat(articles().filter("rating", 99).first()).isEmpty();
		assertThat(articles().filter("rating", 99).last()).isEmpty();
	}

	@Test
	void firstAndLastOfAnEvaluatedUnorderedQuerySetUseTheIdsWithoutARoundTrip() {
		QuerySet<Article> qs = articles().filter("rating__gte", 2);
		qs.list();
		this.commands.clear();
		assertThat(qs.first()).get().extracting((a) -> a.id).isEqualTo(1L);
		assertThat(qs.last()).get().extracting((a) -> a.id).isEqualTo(6L);
		assertThat(this.commands.count()).isZero();
	}

	@Test
	void getReturnsExactlyOne() {
		assertThat(articles().get("title", "Spring data").id).isEqualTo(2L);
		assertThat(articles().filter("rating", 5).get().id).isEqualTo(2L);
		assertThat(articles().get(Q.of("rating__gte", 5)).id).isEqualTo(2L);
	}

	@Test
	void getOfNothingIsDoesNotExist() {
		assertThatExceptionOfType(DoesNotExistException.class).isThrownBy(() -> articles().get("rating", 42))
			.withMessage("Article matching query does not exist.")
			.isInstanceOf(EmptyResultDataAccessException.class)
			.satisfies((ex) -> assertThat(ex.getModel()).isEqualTo(Article.class));
	}

	@Test
	void getOfSeveralIsMultipleObjectsReturned() {
		assertThatExceptionOfType(MultipleObjectsReturnedException.class)
			.isThrownBy(() -> articles().get("rating__gte", 3))
			.withMessage("get() returned more than one Article -- it returned 3!")
			.isInstanceOf(IncorrectResultSizeDataAccessException.class);
	}

	@Test
	void existsAndCount() {
		assertThat(articles().filter("rating__gt", 4).exists()).isTrue();
		assertThat(articles().filter("rating__gt", 5).exists()).isFalse();
		assertThat(articles().filter("rating__gt", 1).count()).isEqualTo(4);
		assertThat(articles().none().count()).isZero();
		assertThat(articles().none().exists()).isFalse();
		assertThat(articles().none().list()).isEmpty();
		assertThat(this.commands.count()).isEqualTo(3);
	}

	@Test
	void inBulkKeysByIdInOneCommand() {
		Map<Long, Article> found = articles().inBulk(List.of(1L, 3L, 77L));
		assertThat(found).containsOnlyKeys(1L, 3L);
		assertThat(found.get(3L).title).isEqualTo("Unrated");
		assertThat(articles().inBulk(List.of())).isEmpty();
		assertThat(this.commands.count()).isEqualTo(1);
	}

	@Test
	void valuesReturnsMapsOfTheRequestedFields() {
		List<Map<String, Object>> rows = articles().filter("pk__in", List.of(1, 2))
			.orderBy("id")
			.values("title", "rating", "blog__name", "publishedDate")
			.list();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("title", "Django on MongoDB")
			.containsEntry("rating", 3)
			.containsEntry("blog__name", "Beatles")
			.containsEntry("publishedDate", java.time.Instant.parse("2024-03-01T10:00:00Z"));
		assertThat(rows.get(0).keySet()).containsExactly("title", "rating", "blog__name", "publishedDate");
		assertThat(this.commands.commands().get(0).getDocument("projection").keySet()).contains("title", "blog.name");
	}

	@Test
	void valuesListAndFlatValues() {
		assertThat(articles().orderBy("id").valuesList("id", "status").slice(0, 2).list())
			.containsExactly(List.of(1L, Article.Status.PUBLISHED), List.of(2L, Article.Status.DRAFT));
		assertThat(articles().orderBy("-views").valuesList("views", Integer.class).list())
			.containsExactly(10, 7, 4, 3, 2, 0);
		assertThat(articles().orderBy("id").filter("pk", 1).valuesList("blogs__name", Object.class).list())
			.containsExactly(List.of("pop", "rock"));
	}

	@Test
	void distinctValuesRemoveDuplicateRows() {
		DjongoTemplate dup = io.djongo.spring.test.DjongoTestConfiguration
			.template(io.djongo.spring.test.TestMongo.uniqueDatabaseName("distinct"));
		dup.insertAll(List.of(new Article(1, "a").rating(1), new Article(2, "a").rating(2), new Article(3, "b").rating(1)));
		assertThat(dup.objects(Article.class).orderBy("title").valuesList("title", String.class).distinct().list())
			.containsExactly("a", "b");
		assertThat(dup.objects(Article.class).valuesList("title", String.class).distinct().count()).isEqualTo(2);
		assertThat(dup.objects(Article.class).orderBy("rating").values("rating").distinct().list())
			.containsExactly(Map.of("rating", 1), Map.of("rating", 2));
		assertThat(dup.objects(Article.class).distinct().count()).isEqualTo(3);
	}

	@Test
	void aSliceOfDistinctValuesIsASliceOfTheDistinctRows() {
		DjongoTemplate dup = io.djongo.spring.test.DjongoTestConfiguration
			.template(io.djongo.spring.test.TestMongo.uniqueDatabaseName("distinctslice"));
		dup.insertAll(List.of(new Article(1, "c"), new Article(2, "a"), new Article(3, "a"), new Article(4, "b"),
				new Article(5, "c")));
		QuerySet<String> titles = dup.objects(Article.class).orderBy("title").valuesList("title", String.class).distinct();
		assertThat(titles.slice(0, 2).list()).containsExactly("a", "b");
		assertThat(titles.slice(1).list()).containsExactly("b", "c");
		assertThat(titles.slice(1, 2).count()).isEqualTo(1);
		assertThat(titles.slice(2).exists()).isTrue();
		assertThat(titles.slice(3).exists()).isFalse();
	}

	@Test
	void onlyAndDeferLeaveOtherFieldsNull() {
		Article only = articles().only("title").get("pk", 2);
		assertThat(only.title).isEqualTo("Spring data");
		assertThat(only.id).isEqualTo(2L);
		assertThat(only.rating).isNull();
		assertThat(only.body).isNull();
		assertThat(this.commands.commands().get(0).getDocument("projection").keySet()).containsExactly("title");
		Article deferred = articles().defer("body", "blog").get("pk", 2);
		assertThat(deferred.body).isNull();
		assertThat(deferred.blog).isNull();
		assertThat(deferred.rating).isEqualTo(5);
	}

	@Test
	void unknownFieldsAreFieldErrorsListingTheChoices() {
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("titel", "x"))
			.withMessageStartingWith("Cannot resolve keyword 'titel' into field. Choices are: blog, blogs, body, day, "
					+ "id, meta, price, publishedDate, rating, status, tags, title, views")
			.withMessageContaining("Article");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().orderBy("-titel"))
			.withMessageContaining("'titel'");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().values("nope"))
			.withMessageContaining("'nope'");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("blog__nme", "x"))
			.withMessageContaining("Cannot resolve keyword 'nme' into field. Choices are: name, rating");
	}

	@Test
	void unknownLookupsNameTheAllowedOnes() {
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("title__foo", "x"))
			.withMessageContaining("Unsupported lookup 'foo'")
			.withMessageContaining("Article.title__foo")
			.withMessageContaining("icontains");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("rating__icontains", "1"))
			.withMessageContaining("Unsupported lookup 'icontains' for Integer");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("title__year", 2024))
			.withMessageContaining("Unsupported lookup 'year' for String");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("title__", "x"))
			.withMessageContaining("empty");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().filter("blog__gt", "x"))
			.withMessageContaining("Unsupported lookup 'gt' for embedded Blog");
		assertThat(this.commands.count()).isZero();
	}

	@Test
	void optionalResultsAreEmptyNotNull() {
		Optional<Article> none = articles().none().first();
		assertThat(none).isEmpty();
	}

}
