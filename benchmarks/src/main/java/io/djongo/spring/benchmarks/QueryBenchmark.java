package io.djongo.spring.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
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
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Scenario 2: one filtered query (three conditions, ordering, the first 20 of about 670 matches), run again and again:
 * each contender runs it well over 1,000 times in the measured iterations (JMH prints the count with {@code -v
 * EXTRA}). The QuerySet is built and compiled anew each time, as an application does per request. The embedded
 * server scans all 10,000 posts for each query (it uses no index but the unique ones), so most of the time is the
 * server's and the same for all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
public class QueryBenchmark {

	static final int MIN_RATING = 3;

	static final String TITLE_PREFIX = "Post 1";

	/** Half the posts are published before this. */
	static final Instant BEFORE = BenchmarkDatabase.EPOCH.plus(BenchmarkDatabase.POSTS / 2, ChronoUnit.HOURS);

	private BenchmarkDatabase db;

	@Setup(Level.Trial)
	public void start() {
		this.db = BenchmarkDatabase.withPosts("bench_query");
		List<Long> expected = ids(rawDriverFilters());
		if (expected.size() != 20 || !ids(djongoQuerySet()).equals(expected)
				|| !ids(springDataDerivedQuery()).equals(expected)) {
			throw new IllegalStateException("the contenders should find the same 20 posts");
		}
	}

	private static List<Long> ids(List<Post> posts) {
		return posts.stream().map(Post::getId).toList();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.db.close();
	}

	@Benchmark
	public List<Post> rawDriverFilters() {
		return this.db.raw.getCollection(Post.COLLECTION, Post.class)
			.find(Filters.and(Filters.gte("rating", MIN_RATING), Filters.regex("title", "^Post 1"),
					Filters.lt("publishedDate", BEFORE)))
			.sort(Sorts.descending("publishedDate"))
			.limit(20)
			.into(new ArrayList<>(20));
	}

	@Benchmark
	public List<Post> springDataDerivedQuery() {
		return this.db.springDataPosts.findByRatingGreaterThanEqualAndTitleStartingWithAndPublishedDateLessThan(
				MIN_RATING, TITLE_PREFIX, BEFORE, PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "publishedDate")));
	}

	@Benchmark
	public List<Post> djongoQuerySet() {
		return this.db.djongoPosts.objects()
			.filter("rating__gte", MIN_RATING)
			.filter("title__startswith", TITLE_PREFIX)
			.filter("publishedDate__lt", BEFORE)
			.orderBy("-publishedDate")
			.slice(0, 20)
			.list();
	}

}
