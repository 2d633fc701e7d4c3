package io.djongo.spring.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.relation.Author;
import io.djongo.spring.core.relation.Post;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code union}, {@code intersection} and {@code difference} against Django's own
 * {@code tests/queries/test_qs_combinators.py}, on its {@code Number} rows: {@code num} 0 to 9, {@code otherNum} 10
 * minus {@code num}. Each evaluation is one command; a combination no filter expresses needs {@code $unionWith}.
 */
class QuerySetCombinatorIntegrationTests {

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("combinators"), Author.class,
				Post.class);
		List<Num> numbers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			numbers.add(new Num(i + 1, i, 10 - i));
		}
		template.insertAll(numbers);
		template.insertAll(List.of(new OrderedNote(1L, "c"), new OrderedNote(2L, "b"), new OrderedNote(3L, "a")));
		Author ann = new Author(1, "Ann");
		Author bob = new Author(2, "Bob");
		template.insertAll(List.of(ann, bob));
		template.insertAll(List.of(new Post(1, "a1", 1, ann), new Post(2, "a2", 3, bob), new Post(3, "a3", 2, ann)));
	}

	@BeforeEach
	void clear() {
		this.commands.clear();
	}

	static QuerySet<Num> numbers() {
		return template.objects(Num.class);
	}

	static List<Integer> nums(QuerySet<Num> qs) {
		return qs.list().stream().map(Num::num).toList();
	}

	@Test
	void simpleUnionIntersectionAndDifference() {
		QuerySet<Num> qs1 = numbers().filter("num__lte", 1);
		QuerySet<Num> qs2 = numbers().filter("num__gte", 8);
		QuerySet<Num> qs3 = numbers().filter("num", 5);
		assertThat(nums(qs1.union(qs2, qs3))).containsExactlyInAnyOrder(0, 1, 5, 8, 9);
		assertThat(this.commands.names()).containsExactly("find");

		QuerySet<Num> lte5 = numbers().filter("num__lte", 5);
		assertThat(nums(lte5.intersection(numbers().filter("num__gte", 5),
				numbers().filter("num__gte", 4, "num__lte", 6)))).containsExactly(5);
		assertThat(nums(lte5.difference(numbers().filter("num__lte", 4)))).containsExactly(5);
	}

	@Test
	void unionRemovesRepeatsAndCountsThem() {
		assertThat(numbers().union(numbers()).list()).hasSize(10);
		assertThat(numbers().filter("num__lte", 1).values("num")
			.union(numbers().filter("num__gte", 2, "num__lte", 3).values("num")).count()).isEqualTo(4);
		assertThat(numbers().filter("num__lt", 10).difference(numbers().filter("num__lt", 9)).count()).isOne();
		assertThat(numbers().filter("num__gte", 5).intersection(numbers().filter("num__lte", 5)).count()).isOne();
	}

	@Test
	void emptyQuerySetsAsDjangoTreatsThem() {
		QuerySet<Num> all = numbers();
		QuerySet<Num> none = numbers().none();
		QuerySet<Num> emptyIn = numbers().filter("pk__in", List.of());
		assertThat(all.union(none).list()).hasSize(10);
		assertThat(none.union(all).list()).hasSize(10);
		assertThat(emptyIn.union(all).list()).hasSize(10);
		assertThat(none.union(none).list()).isEmpty();
		assertThat(all.intersection(none).list()).isEmpty();
		assertThat(none.intersection(all).list()).isEmpty();
		assertThat(all.difference(emptyIn).list()).hasSize(10);
		assertThat(none.difference(all).list()).isEmpty();
		this.commands.clear();
		assertThat(emptyIn.union(emptyIn).list()).isEmpty();
		assertThat(emptyIn.union(emptyIn).slice(0, 0).list()).isEmpty();
		assertThat(this.commands.count()).as("known empty: nothing sent").isZero();
		assertThat(numbers().filter("num__lte", 0).union(none).slice(0, 1).list()).extracting(Num::num).containsExactly(0);
		assertThat(numbers().union().slice(0, 1).list()).hasSize(1);
	}

	@Test
	void orderingSlicingAndFirstApplyToTheResult() {
		QuerySet<Num> union = numbers().filter("num__lte", 1).union(numbers().filter("num__gte", 2, "num__lte", 3));
		assertThat(nums(union.orderBy("-num"))).containsExactly(3, 2, 1, 0);
		assertThat(nums(union.orderBy("-num").slice(0, 2))).containsExactly(3, 2);
		assertThat(nums(numbers().union(numbers()).orderBy("otherNum"))).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
		assertThat(nums(numbers().filter("num", 99).union(numbers()).orderBy("num").slice(1, 2))).containsExactly(1);
		assertThat(union.first()).get().extracting(Num::num).isEqualTo(0);
		assertThat(union.last()).get().extracting(Num::num).isEqualTo(3);
		assertThat(union.latest("num").num).isEqualTo(3);
		assertThat(nums(union.orderBy("num").reverse())).containsExactly(3, 2, 1, 0);
		assertThat(numbers().filter("num", 2).union(numbers().filter("num", 2)).get().num).isEqualTo(2);
		assertThat(numbers().difference(numbers().exclude("num", 2)).get().num).isEqualTo(2);
		assertThat(numbers().intersection(numbers().filter("num", 2)).get().num).isEqualTo(2);
		assertThat(union.exists()).isTrue();
		assertThat(numbers().filter("num__gt", 5).intersection(numbers().filter("num__lt", 5)).exists()).isFalse();
	}

	@Test
	void theModelsDefaultOrderingAppliesAfterward() {
		QuerySet<OrderedNote> notes = template.objects(OrderedNote.class);
		assertThat(notes.filter("text", "a").union(notes.filter("text", "c")).valuesList("id", Long.class).list())
			.containsExactly(3L, 1L);
	}

	@Test
	void valuesAfterAUnionAreDistinctRowsAndAfterAnIntersectionMustHoldTheId() {
		QuerySet<Num> union = numbers().filter("num__lte", 1).union(numbers().filter("num__gte", 8));
		assertThat(union.orderBy("-num").valuesList("otherNum", Integer.class).list()).containsExactly(1, 2, 9, 10);
		assertThat(numbers().union(numbers()).valuesList("num", Integer.class).list()).hasSize(10);
		Map<String, Object> row = numbers().filter("num", 3).intersection(numbers()).values("num", "pk").get();
		assertThat(row).containsEntry("num", 3).containsEntry("pk", 4L);
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> numbers().intersection(numbers()).values("num"))
			.withMessageContaining("values() after intersection() must include the id");
	}

	@Test
	void nestedCombinations() {
		QuerySet<Num> qs1 = numbers();
		assertThat(qs1.union(qs1.union(qs1)).list()).hasSize(10);
		assertThat(qs1.difference(numbers().intersection(numbers().filter("num__gt", 1))).count()).isEqualTo(2);
	}

	@Test
	void onlyOrderingSlicingValuesAndEvaluationAreAllowedAfterACombinator() {
		QuerySet<Num> qs = numbers();
		Map<String, Consumer<QuerySet<Num>>> operations = Map.of("annotate",
				(combined) -> combined.annotate("n", F.of("num")), "defer", (combined) -> combined.defer("num"),
				"delete", QuerySet::delete, "distinct", QuerySet::distinct, "exclude",
				(combined) -> combined.exclude("num", 1), "filter", (combined) -> combined.filter("num", 1), "only",
				(combined) -> combined.only("num"), "prefetchRelated", QuerySet::prefetchRelated, "selectRelated",
				QuerySet::selectRelated, "update", (combined) -> combined.update("num", 1));
		for (QuerySet<Num> combined : List.of(qs.union(qs), qs.intersection(qs), qs.difference(qs))) {
			operations.forEach((operation, call) -> assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> call.accept(combined))
				.withMessageMatching("Calling QuerySet\\." + operation + "\\(\\) after (union|intersection|difference)"
						+ "\\(\\) is not supported\\."));
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> combined.contains(numbers().first().orElseThrow()))
				.withMessageContaining("Calling QuerySet.contains() after");
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> combined.get("num", 2))
				.withMessageMatching("Calling QuerySet\\.get\\(\\.\\.\\.\\) with filters after \\w+\\(\\) is not"
						+ " supported\\.");
		}
	}

	@Test
	void partsSelectingRelatedModelsKeepThemInTheResult() {
		// test_union_with_select_related_and_order, test_count_union_with_select_related
		QuerySet<Post> base = template.objects(Post.class).selectRelated("author").orderBy();
		QuerySet<Post> union = base.filter("title", "a1").union(base.filter("title", "a2")).orderBy("pk");
		List<Post> posts = union.list();
		assertThat(this.commands.names()).containsExactly("aggregate");
		assertThat(posts).extracting((post) -> post.getAuthor().getName()).containsExactly("Ann", "Bob");
		assertThat(base.union(base).count()).isEqualTo(3);
	}

	@Test
	void querySetsOfAnotherModelAreRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> numbers().union(template.objects(OrderedNote.class)))
			.withMessage("union() combines QuerySets of one model: Num and OrderedNote");
	}

	@Test
	void whatOnlyUnionWithExpressesNeedsARealMongoDb() {
		List<QuerySet<Num>> piped = List.of(numbers().unionAll(numbers()),
				numbers().orderBy("num").slice(0, 2).union(numbers().orderBy("-num").slice(0, 2)));
		if (TestMongo.isEmbedded()) {
			for (QuerySet<Num> qs : piped) {
				assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class).isThrownBy(qs::list)
					.withMessageContaining("needs a real MongoDB")
					.withMessageContaining("$unionWith");
			}
			TestMongo.assumeRealMongoDb("$unionWith");
		}
		// tests/queries/test_qs_combinators.py: test_union_distinct, test_ordering_subqueries
		assertThat(piped.get(0).list()).hasSize(20);
		assertThat(nums(piped.get(1).orderBy("-num").slice(0, 4))).containsExactly(9, 8, 1, 0);
		assertThat(piped.get(1).count()).isEqualTo(4);
		assertThat(numbers().orderBy("num").slice(0, 3).intersection(numbers().orderBy("-num").slice(0, 8)).count())
			.isEqualTo(1);
		assertThat(nums(numbers().orderBy("num").slice(0, 3).difference(numbers().filter("num", 1)).orderBy("num")))
			.containsExactly(0, 2);
		assertThat(numbers().unionAll(numbers()).valuesList("num", Integer.class).list()).hasSize(20);
	}

}
