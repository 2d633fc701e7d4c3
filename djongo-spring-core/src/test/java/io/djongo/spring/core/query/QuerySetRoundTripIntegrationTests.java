package io.djongo.spring.core.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.TestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round-trip rules, counted with a CommandListener for every kind of chain and every evaluation method: building
 * sends nothing, one evaluation is one {@code find} or one {@code aggregate}, and an evaluated QuerySet answers
 * again from its cache.
 */
class QuerySetRoundTripIntegrationTests {

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void data() {
		template = QuerySetFixtures.articles("roundtrips");
	}

	/** Every kind of chain, each matching article 1 only, by what it makes the engine do. */
	static Map<String, QuerySet<?>> chains() {
		QuerySet<Article> one = template.objects(Article.class).filter("pk", 1);
		QuerySet<Article> annotated = one.annotate("numTags", Count.of("tags")).filter("numTags__gte", 1);
		Map<String, QuerySet<?>> chains = new LinkedHashMap<>();
		chains.put("filter", one);
		chains.put("exclude of Q", one.exclude(Q.of("rating", 9).or(Q.of("views__gt", 100).not().not())));
		chains.put("date transform", one.filter("publishedDate__week_day", 6).filter("publishedDate__time__gte", "09:00"));
		chains.put("F comparison", one.filter("views__gt", F.of("rating").times(2)));
		chains.put("embedded and array paths", one.filter("blog__name", "Beatles").filter("blogs__name", "rock"));
		chains.put("ordered", one.orderBy("-publishedDate", "title"));
		chains.put("random order", one.orderBy("?"));
		chains.put("annotated", annotated);
		chains.put("only", one.only("title"));
		chains.put("defer", one.defer("body", "blogs"));
		chains.put("values", one.values("pk", "title", "blog__name"));
		chains.put("all values", one.values());
		chains.put("values list", one.valuesList("id", "title"));
		chains.put("flat values list", one.valuesList("title", String.class));
		chains.put("distinct values", one.values("title").distinct());
		chains.put("annotated values", annotated.values("title", "numTags"));
		return chains;
	}

	/** Every evaluation method, as how many results it found. */
	static Map<String, Function<QuerySet<?>, Long>> evaluations() {
		Map<String, Function<QuerySet<?>, Long>> evaluations = new LinkedHashMap<>();
		evaluations.put("list", (qs) -> (long) qs.list().size());
		evaluations.put("stream", (qs) -> qs.stream().count());
		evaluations.put("iteration", (qs) -> {
			long n = 0;
			for (Object result : qs) {
				n += (result != null) ? 1 : 0;
			}
			return n;
		});
		evaluations.put("first", (qs) -> qs.first().isPresent() ? 1L : 0L);
		evaluations.put("last", (qs) -> qs.last().isPresent() ? 1L : 0L);
		evaluations.put("get", (qs) -> (qs.get() != null) ? 1L : 0L);
		evaluations.put("count", QuerySet::count);
		evaluations.put("exists", (qs) -> qs.exists() ? 1L : 0L);
		evaluations.put("aggregate", (qs) -> (Long) qs.aggregate(Count.of("id")).get("id__count"));
		return evaluations;
	}

	@Test
	void everyEvaluationOfEveryChainIsOneCommand() {
		chains().forEach((chainName, chain) -> evaluations().forEach((evaluationName, evaluation) -> {
			QuerySet<?> fresh = chain.all();
			this.commands.clear();
			assertThat(evaluation.apply(fresh)).as("%s of %s", evaluationName, chainName).isEqualTo(1L);
			assertThat(this.commands.names()).as("%s of %s", evaluationName, chainName)
				.singleElement()
				.isIn("find", "aggregate");
		}));
	}

	@Test
	void inBulkOfEveryChainOfModelsIsOneCommand() {
		chains().forEach((chainName, chain) -> {
			if (chain.model() == Article.class && !chainName.contains("values")) {
				@SuppressWarnings("unchecked")
				QuerySet<Article> models = (QuerySet<Article>) chain.all();
				this.commands.clear();
				assertThat(models.inBulk(List.of(1L, 2L))).as(chainName).containsOnlyKeys(1L);
				assertThat(this.commands.names()).as(chainName).singleElement().isIn("find", "aggregate");
			}
		});
	}

	@Test
	void anEvaluatedQuerySetOfEveryChainAnswersFromItsCache() {
		chains().forEach((chainName, chain) -> {
			@SuppressWarnings("unchecked")
			QuerySet<Object> qs = (QuerySet<Object>) chain.all();
			List<Object> results = qs.list();
			this.commands.clear();
			assertThat(qs.list()).as(chainName).isSameAs(results);
			assertThat(qs.stream().count()).as(chainName).isEqualTo(1);
			assertThat(qs.iterator().hasNext()).as(chainName).isTrue();
			assertThat(qs.count()).as(chainName).isEqualTo(1);
			assertThat(qs.exists()).as(chainName).isTrue();
			assertThat(qs.first()).as(chainName).containsSame(results.get(0));
			assertThat(qs.last()).as(chainName).containsSame(results.get(0));
			assertThat(this.commands.count()).as(chainName).isZero();
		});
	}

	@Test
	void everyChainMethodReturnsANewQuerySetSendsNothingAndLeavesTheOriginalAsItWas() {
		QuerySet<Article> base = template.objects(Article.class).orderBy("id");
		List<UnaryOperator<QuerySet<Article>>> steps = List.of((qs) -> qs.filter("rating__gte", 3),
				(qs) -> qs.filter("rating__gte", 3, "views__lt", 5), (qs) -> qs.filter(Map.of("rating", 3)),
				(qs) -> qs.filter(Q.of("rating", 3)), (qs) -> qs.exclude("rating", 3),
				(qs) -> qs.exclude("rating", 3, "views", 10), (qs) -> qs.exclude(Map.of("rating", 3)),
				(qs) -> qs.exclude(Q.of("rating", 3)), (qs) -> qs.orderBy("-views"), QuerySet::reverse,
				(qs) -> qs.slice(1, 3), (qs) -> qs.slice(2), QuerySet::distinct, (qs) -> qs.only("title"),
				(qs) -> qs.defer("title"), (qs) -> qs.annotate("twice", F.of("views").times(2)), QuerySet::none,
				QuerySet::all);
		this.commands.clear();
		List<QuerySet<Article>> derived = new ArrayList<>();
		for (UnaryOperator<QuerySet<Article>> step : steps) {
			QuerySet<Article> next = step.apply(base);
			assertThat(next).isNotSameAs(base);
			derived.add(next);
		}
		assertThat(base.values("title")).isNotSameAs(base);
		assertThat(base.valuesList("title")).isNotSameAs(base);
		assertThat(base.valuesList("title", String.class)).isNotSameAs(base);
		assertThat(this.commands.count()).isZero();
		assertThat(base.list()).extracting((article) -> article.id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(base.list()).allSatisfy((article) -> assertThat(article.title).isNotNull());
		assertThat(derived.get(0).list()).hasSize(3);
		assertThat(derived.get(16).list()).isEmpty();
	}

}
