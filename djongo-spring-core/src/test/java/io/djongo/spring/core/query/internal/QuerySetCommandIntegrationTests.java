package io.djongo.spring.core.query.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.mongodb.MongoClientSettings;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.Case;
import io.djongo.spring.core.query.Exists;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.OrderedNote;
import io.djongo.spring.core.query.OuterRef;
import io.djongo.spring.core.query.Place;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.Subquery;
import io.djongo.spring.core.query.Value;
import io.djongo.spring.core.query.When;
import io.djongo.spring.core.query.aggregate.Avg;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.Max;
import io.djongo.spring.core.query.aggregate.Sum;
import io.djongo.spring.core.query.functions.Coalesce;
import io.djongo.spring.core.query.functions.Concat;
import io.djongo.spring.core.query.functions.ExtractYear;
import io.djongo.spring.core.query.functions.GeoDistance;
import io.djongo.spring.core.query.functions.Lower;
import io.djongo.spring.core.query.functions.TextScore;
import io.djongo.spring.core.query.functions.TruncMonth;
import io.djongo.spring.core.query.functions.Upper;
import io.djongo.spring.core.query.geo.D;
import io.djongo.spring.core.query.geo.Near;
import io.djongo.spring.core.relation.Author;
import io.djongo.spring.core.relation.Post;
import io.djongo.spring.core.relation.Tag;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.data.geo.Metrics;
import org.springframework.data.geo.Point;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.geo.GeoJsonPolygon;
import org.springframework.data.mongodb.core.geo.Sphere;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code command()} shows is what is sent: for every kind of chain, the command a CommandListener sees when the
 * QuerySet is listed is {@code command()}, key for key and in the same order, less the fields the driver adds to
 * every command. The other evaluations send the commands of the same plan, as logged: count, exists, aggregate,
 * update, delete, and first, last and get as the documented slices.
 */
class QuerySetCommandIntegrationTests {

	/** What the driver adds to commands, around what djongo renders. */
	static final Set<String> ENVELOPE = Set.of("$db", "lsid", "$clusterTime", "$readPreference", "cursor", "ordered",
			"txnNumber", "autocommit", "startTransaction", "readConcern", "writeConcern", "apiVersion");

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("commands"), Article.class,
				Author.class, Post.class, Tag.class, OrderedNote.class, Place.class);
		template.mongo(Article.class).insertMany(List.of(
				new Document("_id", 1L).append("title", "Django on MongoDB").append("text", "Über alles")
					.append("rating", 3).append("views", 10).append("publishedDate", date("2024-03-01T10:00:00Z"))
					.append("tags", List.of("python", "django"))
					.append("blog", new Document("name", "Beatles").append("rating", 5))
					.append("blogs", List.of(new Document("name", "pop").append("rating", 4)))
					.append("meta", new Document("color", "red")),
				new Document("_id", 2L).append("title", "Spring data").append("rating", 5).append("views", 3)
					.append("publishedDate", date("2024-06-15T08:30:00Z")).append("tags", List.of("java")),
				new Document("_id", 3L).append("title", "Unrated").append("views", 0).append("tags", List.of())));
		Author ann = new Author(1, "Ann");
		Author bob = new Author(2, "Bob");
		template.insertAll(List.of(ann, bob));
		Tag java = new Tag(1, "java");
		template.insertAll(List.of(java));
		template.insertAll(List.of(new Post(1, "Django", 5, ann, java), new Post(2, "Spring", 3, bob)));
		template.mongo(OrderedNote.class).insertMany(
				List.of(new Document("_id", 1L).append("text", "a"), new Document("_id", 2L).append("text", "b")));
		template.mongo(Place.class).createIndex(new Document("location", "2dsphere"));
		template.mongo(Place.class).createIndex(new Document("title", "text").append("body", "text"));
		template.mongo(Place.class).insertMany(List.of(
				new Document("_id", 1L).append("name", "Louvre").append("rating", 5).append("title", "Spring data")
					.append("location", new Document("type", "Point").append("coordinates", List.of(2.3376, 48.8606))),
				new Document("_id", 2L).append("name", "Lyon").append("rating", 3).append("body", "spring rolls")
					.append("location", new Document("type", "Point").append("coordinates", List.of(4.8357, 45.764)))));
	}

	/**
	 * The geo and text chains: their commands are sent to any server, and answered on a real MongoDB; the embedded
	 * server refuses them with "needs a real MongoDB".
	 */
	static Map<String, QuerySet<?>> geoAndTextChains() {
		QuerySet<Place> places = template.objects(Place.class);
		GeoJsonPoint paris = new GeoJsonPoint(2.3522, 48.8566);
		Map<String, QuerySet<?>> chains = new LinkedHashMap<>();
		chains.put("near", places.filter("rating__gte", 1).filter("location__near", Near.to(paris).maxDistance(D.km(30))));
		chains.put("near ordered otherwise", places.filter("location__near", paris).orderBy("-name").slice(0, 1));
		chains.put("GeoDistance", places.annotate("km", GeoDistance.of("location", paris, Metrics.KILOMETERS))
			.filter("km__lt", 100).orderBy("km"));
		chains.put("within", places.filter("location__within", new Sphere(paris, D.km(30))));
		chains.put("distance_gt", places.filter("location__distance_gt", List.of(paris, D.km(30))));
		chains.put("intersects", places.filter("location__intersects", new GeoJsonPolygon(new Point(2, 48),
				new Point(3, 48), new Point(3, 49), new Point(2, 48))));
		chains.put("search lookup", places.filter("body__search", "spring"));
		chains.put("search ranked", places.search("spring data").annotate("score", TextScore.of()).orderBy("-score"));
		return chains;
	}

	@Test
	void geoAndTextChainsSendExactlyTheirCommandsWhereverTheyRun() {
		geoAndTextChains().forEach((name, chain) -> {
			QueryPlan plan = OfflineEngine.plan(chain);
			sentOrRefused(name, () -> chain.all().list(), chain.command());
			sentOrRefused(name + " count", chain::count, plan.countCommand().document());
			sentOrRefused(name + " exists", chain::exists, plan.existsCommand().document());
		});
	}

	/** Runs an evaluation that sends one command: answered on a real MongoDB, refused clearly by the embedded one. */
	private void sentOrRefused(String name, Runnable evaluation, Document command) {
		this.commands.clear();
		try {
			evaluation.run();
			assertThat(TestMongo.isEmbedded()).as(name + " answered by the embedded server").isFalse();
		}
		catch (InvalidDataAccessResourceUsageException ex) {
			assertThat(TestMongo.isEmbedded()).as(name + ": " + ex.getMessage()).isTrue();
			assertThat(ex.getMessage()).as(name).contains("needs a real MongoDB");
		}
		assertThat(this.commands.count()).as(name).isEqualTo(1);
		assertSent(name, this.commands.commands().get(0), command);
	}

	@BeforeEach
	void clear() {
		this.commands.clear();
	}

	static Date date(String instant) {
		return Date.from(Instant.parse(instant));
	}

	static QuerySet<Article> articles() {
		return template.objects(Article.class);
	}

	/** Every kind of chain, by what it makes the compiler do. */
	static Map<String, QuerySet<?>> chains() {
		QuerySet<Author> authors = template.objects(Author.class);
		QuerySet<Post> posts = template.objects(Post.class);
		Map<String, QuerySet<?>> chains = new LinkedHashMap<>();
		chains.put("plain find", articles());
		chains.put("filtered find", articles().filter("rating__gte", 3).filter(Q.of("title__icontains", "o")));
		chains.put("sorted and sliced find", articles().orderBy("-publishedDate", "title").slice(1, 3));
		chains.put("exclude and negated Q", articles().exclude(Q.of("rating", 9).or(Q.of("views__gt", 100).not())));
		chains.put("embedded, list and map paths",
				articles().filter("blog__name", "Beatles").filter("blogs__rating__gte", 1).filter("meta__color", "red"));
		chains.put("date range", articles().filter("publishedDate__year", 2024));
		chains.put("date transform", articles().filter("publishedDate__week_day", 6));
		chains.put("F comparison", articles().filter("views__gt", F.of("rating").times(2)));
		chains.put("reverse", articles().orderBy("title").reverse());
		chains.put("default ordering", template.objects(OrderedNote.class));
		chains.put("default ordering reversed", template.objects(OrderedNote.class).reverse());
		chains.put("random order", articles().orderBy("?"));
		chains.put("only", articles().only("title", "body"));
		chains.put("defer", articles().defer("body", "blogs"));
		chains.put("values", articles().values("pk", "title", "blog__name"));
		chains.put("all values", articles().values());
		chains.put("values list", articles().valuesList("id", "title"));
		chains.put("flat values list", articles().valuesList("title", String.class));
		chains.put("distinct values", articles().orderBy("title").values("title").distinct().slice(0, 2));
		chains.put("annotate F", articles().annotate("twice", F.of("views").times(2)).filter("twice__gt", 5)
			.orderBy("-twice"));
		chains.put("annotate Count over a list", articles().annotate("numTags", Count.of("tags")).filter("numTags__gte", 1));
		chains.put("annotated values", articles().annotate("numTags", Count.of("tags")).values("title", "numTags"));
		chains.put("filter across a reverse relation", authors.filter("posts__rating__gte", 4));
		chains.put("filter across a foreign key", posts.filter("author__name", "Ann"));
		chains.put("filter across a many-to-many", posts.filter("tags__name", "java"));
		chains.put("annotate across a relation, restricted",
				authors.filter("posts__rating__gte", 4).annotate("numPosts", Count.of("posts")));
		chains.put("order by a related field", posts.orderBy("author__name"));
		chains.put("selectRelated", posts.selectRelated("author").orderBy("id"));
		chains.put("prefetchRelated", posts.prefetchRelated("tags"));
		chains.put("union as a filter", articles().filter("rating", 3).union(articles().filter("views__gt", 5))
			.orderBy("-views"));
		chains.put("intersection as a filter", articles().filter("rating__gte", 3)
			.intersection(articles().filter("views__lt", 5)));
		chains.put("difference as a filter", articles().difference(articles().filter("rating", 5)).slice(0, 2));
		chains.put("values after a union", articles().filter("rating", 3).union(articles().filter("rating", 5))
			.values("rating"));
		chains.put("annotate a Case", articles().annotate("grade", Case.of(When.of("rating__gte", 4, Value.of("high")))
			.otherwise(Value.of("low"))).filter("grade", "high"));
		chains.put("annotate functions", articles().annotate("shout", Upper.of(Concat.of("title", Value.of("!"))))
			.annotate("year", ExtractYear.of("publishedDate")).annotate("month", TruncMonth.of("publishedDate")));
		chains.put("filter by a function", articles().filter("title", Coalesce.of("body", "title")));
		chains.put("alias", articles().alias("twice", F.of("views").times(2)).filter("twice__gt", 5));
		chains.put("order by an expression, nulls last", articles().orderBy(Lower.of("title").desc(),
				F.of("rating").asc().nullsLast()));
		chains.put("values with a transform", articles().values("title", "publishedDate__year"));
		chains.put("values grouped by annotate", articles().values("rating").annotate("n", Count.of("id"))
			.filter("n__gte", 1).orderBy("-n"));
		chains.put("filtered aggregate annotation", articles().annotate("high", Count.of("id")
			.filter(Q.of("rating__gte", 4))));
		chains.put("dates", articles().dates("publishedDate", "month"));
		chains.put("subquery", authors.annotate("latest", Subquery.of(posts.filter("author", OuterRef.of("pk"))
			.orderBy("-id").valuesList("title", String.class).slice(0, 1))));
		chains.put("exists", authors.filter(Exists.of(posts.filter("author", OuterRef.of("pk")))));
		chains.put("in a queryset", authors.filter("pk__in", posts.filter("rating__gte", 4).values("author")));
		chains.put("none", articles().none());
		chains.put("empty in", articles().filter("pk__in", List.of()));
		return chains;
	}

	@Test
	void listingAnyChainSendsExactlyItsCommand() {
		chains().forEach((name, chain) -> {
			Document command = chain.command();
			this.commands.clear();
			chain.all().list();
			if (command == null) {
				assertThat(this.commands.count()).as(name).isZero();
				return;
			}
			assertThat(this.commands.count()).as(name).isGreaterThanOrEqualTo(1);
			assertSent(name, this.commands.commands().get(0), command);
		});
	}

	@Test
	void countExistsAndAggregateSendTheCommandsOfTheSamePlan() {
		chains().forEach((name, chain) -> {
			QueryPlan plan = OfflineEngine.plan(chain);
			expect(name + " count", chain::count, plan.countCommand());
			expect(name + " exists", chain::exists, plan.existsCommand());
			if (chain.model() == Article.class) {
				List<Expression> aggregates = List.of(Sum.of("views"), Avg.of("rating"),
						Max.of("blogs__rating"), Count.of("tags").distinct());
				expect(name + " aggregate", () -> chain.aggregate(aggregates.toArray(Expression[]::new)),
						plan.compiler().aggregate(plan, aggregates).command());
			}
		});
	}

	@Test
	void firstLastAndGetSendTheCommandsOfTheirDocumentedSlices() {
		QuerySet<Article> unordered = articles().filter("rating__gte", 3);
		expect("first", unordered::first, unordered.orderBy("pk").slice(0, 1).command());
		expect("last", unordered::last, unordered.orderBy("-pk").slice(0, 1).command());
		QuerySet<Article> ordered = articles().orderBy("title");
		expect("first ordered", ordered::first, ordered.slice(0, 1).command());
		expect("last ordered", ordered::last, ordered.reverse().slice(0, 1).command());
		QuerySet<Article> one = articles().filter("pk", 2);
		expect("get", one::get, one.slice(0, QueryCompiler.MAX_GET_RESULTS).command());
	}

	@Test
	void earliestAndLatestSendTheListingOrderedAndSlicedToOne() {
		QuerySet<Article> rated = articles().filter("rating__gte", 3);
		expect("earliest", () -> rated.earliest("publishedDate"), rated.orderBy("publishedDate").slice(0, 1).command());
		expect("latest", () -> rated.latest("publishedDate"), rated.orderBy("-publishedDate").slice(0, 1).command());
	}

	@Test
	void iteratorSendsTheListingWithTheChunkAsItsBatchSize() {
		chains().forEach((name, chain) -> {
			Document command = chain.command();
			this.commands.clear();
			try (var iterator = chain.all().iterator(2)) {
				iterator.forEachRemaining((result) -> {
				});
			}
			if (command == null) {
				assertThat(this.commands.count()).as(name).isZero();
				return;
			}
			BsonDocument sent = new BsonDocument();
			this.commands.commands().get(0).forEach(sent::append);
			assertThat(sent.containsKey("batchSize") || sent.containsKey("cursor")).as(name).isTrue();
			sent.remove("batchSize");
			assertSent(name, sent, command);
		});
	}

	@Test
	void tailSendsItsFindWithTheTailableAndAwaitDataOptions() {
		Map<String, QuerySet<?>> chains = new LinkedHashMap<>();
		chains.put("tail", articles().filter("rating__gte", 3));
		chains.put("tail with a projection", articles().only("title"));
		chains.put("tail of values", articles().valuesList("title", String.class));
		chains.forEach((name, chain) -> {
			Command.Tail command = Tailing.command(OfflineEngine.plan(chain), Duration.ofMillis(100));
			this.commands.clear();
			// the command's own driver call, as tail() makes it, on a collection that is not capped: the embedded
			// server answers a plain find, MongoDB refuses it once sent; either way the find is seen
			assertThat(command).as(name).isNotNull();
			try {
				command.read(template.getCollection("qs_article")).cursor().close();
			}
			catch (RuntimeException ex) {
				assertThat(TestMongo.isEmbedded()).as(name + ": " + ex.getMessage()).isFalse();
			}
			assertThat(this.commands.names()).as(name).first().isEqualTo("find");
			assertSent(name, this.commands.commands().get(0), command.document());
		});
	}

	@Test
	void combinationsOnlyUnionWithExpressesSendTheirPipeline() {
		TestMongo.assumeRealMongoDb("$unionWith");
		Map<String, QuerySet<?>> chains = new LinkedHashMap<>();
		chains.put("union all", articles().filter("rating", 3).unionAll(articles().filter("views__gt", 5)));
		chains.put("union of slices", articles().orderBy("title").slice(0, 1).union(articles().orderBy("-title")
			.slice(0, 1)).orderBy("title"));
		chains.put("intersection of slices", articles().slice(0, 2).intersection(articles().filter("rating", 5)));
		chains.put("difference with a join", template.objects(Post.class)
			.difference(template.objects(Post.class).filter("author__name", "Ann")));
		chains.forEach((name, chain) -> {
			Document command = chain.command();
			this.commands.clear();
			chain.all().list();
			assertSent(name, this.commands.commands().get(0), command);
			QueryPlan plan = OfflineEngine.plan(chain);
			expect(name + " count", chain::count, plan.countCommand());
			expect(name + " exists", chain::exists, plan.existsCommand());
		});
	}

	@Test
	void explainSendsTheListingInAnExplainCommand() {
		TestMongo.assumeRealMongoDb("explain");
		QuerySet<Article> rated = articles().filter("rating__gte", 3).orderBy("-views");
		Document explain = QueryEngine.explainCommand(OfflineEngine.plan(rated).listing().command());
		this.commands.clear();
		rated.explain();
		assertThat(this.commands.count()).isOne();
		assertSent("explain", this.commands.commands().get(0), explain);
	}

	@Test
	void updatesAndDeletesSendTheCommandsOfTheSamePlan() {
		QuerySet<Article> none = articles().filter("rating", 42);
		QueryWrites writes = new QueryWrites(((DefaultQuerySet<Article>) none).engine());
		expect("update", () -> none.update("views", F.of("views").plus(1)), writes.update(OfflineEngine.plan(none),
				Map.of("views", F.of("views").plus(1))));
		expect("delete", none::delete, writes.delete(OfflineEngine.plan(none)));
	}

	@Test
	void aWriteFilteredOnAnnotationsFindsTheIdsWithTheListingsStagesFirst() {
		QuerySet<Article> tagged = articles().annotate("numTags", Count.of("tags")).filter("numTags__gte", 2);
		QueryPlan plan = OfflineEngine.plan(tagged);
		List<Bson> ids = plan.stages(false);
		ids.add(new Document("$project", new Document("_id", 1)));
		tagged.update("views", 10);
		assertThat(this.commands.names()).containsExactly("aggregate", "update");
		assertSent("ids", this.commands.commands().get(0), new Command.Pipeline("qs_article", ids).document());
		assertSent("update by ids", this.commands.commands().get(1), new Command.Update("qs_article",
				new Document("_id", new Document("$in", List.of(1L))), new Document("$set", new Document("views", 10)))
			.document());
		this.commands.clear();
		assertThat(articles().annotate("numTags", Count.of("tags")).filter("numTags__gte", 99).delete().count()).isZero();
		assertThat(this.commands.names()).as("no id found: nothing to delete").containsExactly("aggregate");
	}

	/** Runs an evaluation and checks it sent exactly the given command, or nothing when there is none. */
	private void expect(String name, Runnable evaluation, Command.Read command) {
		expect(name, evaluation, (command != null) ? command.document() : null);
	}

	private void expect(String name, Runnable evaluation, Command command) {
		expect(name, evaluation, (command != null) ? command.document() : null);
	}

	private void expect(String name, Runnable evaluation, Document command) {
		this.commands.clear();
		evaluation.run();
		if (command == null) {
			assertThat(this.commands.count()).as(name).isZero();
			return;
		}
		assertThat(this.commands.count()).as(name).isEqualTo(1);
		assertSent(name, this.commands.commands().get(0), command);
	}

	/** The command sent, less the driver's envelope, is the rendered one, key for key and in order. */
	static void assertSent(String name, BsonDocument sent, Document rendered) {
		BsonDocument expected = rendered.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
		BsonDocument actual = new BsonDocument();
		sent.forEach((key, value) -> {
			if (!ENVELOPE.contains(key)) {
				actual.append(key, value);
			}
		});
		assertThat(actual.toJson()).as(name).isEqualTo(expected.toJson());
	}

}
