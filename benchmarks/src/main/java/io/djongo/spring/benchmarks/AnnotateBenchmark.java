package io.djongo.spring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.djongo.spring.core.query.aggregate.Count;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 4: posts counted per author, 1,000 authors and 10,000 posts, each author with its count: djongo's
 * {@code annotate(Count)} across the reverse relation; the aggregate a developer writes by hand with the driver
 * ({@code $lookup} by {@code author_id}, {@code $size}); and the naive loop, one count per author.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class AnnotateBenchmark {

	private BenchmarkDatabase db;

	@Setup(Level.Trial)
	public void start() {
		this.db = BenchmarkDatabase.withPosts("bench_annotate");
		Map<Long, Long> expected = counts(handWrittenAggregate());
		if (expected.size() != BenchmarkDatabase.AUTHORS || !counts(djongoAnnotate()).equals(expected)
				|| !counts(naivePerAuthorLoop()).equals(expected)) {
			throw new IllegalStateException("the contenders should count the same posts per author");
		}
	}

	private static Map<Long, Long> counts(List<Author> authors) {
		Map<Long, Long> counts = new TreeMap<>();
		for (Author author : authors) {
			counts.put(author.getId(), author.getNumPosts());
		}
		return counts;
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.db.close();
	}

	@Benchmark
	public List<Author> djongoAnnotate() {
		return this.db.djongoAuthors.objects().annotate("numPosts", Count.of("posts")).list();
	}

	@Benchmark
	public List<Author> handWrittenAggregate() {
		return this.db.raw.getCollection(Author.COLLECTION, Author.class)
			.aggregate(List.of(
					new Document("$lookup",
							new Document("from", Post.COLLECTION).append("localField", "_id")
								.append("foreignField", "author_id")
								.append("as", "posts")),
					new Document("$addFields", new Document("numPosts", new Document("$size", "$posts"))),
					new Document("$project", new Document("posts", 0))))
			.into(new ArrayList<>(BenchmarkDatabase.AUTHORS));
	}

	@Benchmark
	public List<Author> naivePerAuthorLoop() {
		List<Author> authors = this.db.djongoAuthors.objects().list();
		for (Author author : authors) {
			author.setNumPosts(this.db.djongoPosts.objects().filter("authorId", author.getId()).count());
		}
		return authors;
	}

}
