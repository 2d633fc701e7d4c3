package io.djongo.spring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 * Scenario 3: write 10,000 new posts in one call. Each invocation starts from an empty collection and fresh,
 * id-less models (not measured). The driver gets ids from an in-memory counter, Spring Data from the same counter in
 * a {@code BeforeConvertCallback} (it has no generator for {@code Long} ids); djongo reserves its ids from its
 * counter collection (one {@code findAndModify}) and validates every model (Hibernate Validator) before sending.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
public class WriteBenchmark {

	private BenchmarkDatabase db;

	private List<Post> posts;

	private long nextRawId = 1;

	@Setup(Level.Trial)
	public void start() {
		this.db = BenchmarkDatabase.empty("bench_write");
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.db.close();
	}

	@Setup(Level.Invocation)
	public void freshPosts() {
		this.db.raw.getCollection(Post.COLLECTION).drop();
		this.posts = new ArrayList<>(BenchmarkDatabase.POSTS);
		for (int i = 1; i <= BenchmarkDatabase.POSTS; i++) {
			this.posts.add(BenchmarkDatabase.newPost(i));
		}
	}

	@Benchmark
	public List<Post> rawInsertMany() {
		for (Post post : this.posts) {
			post.setId(this.nextRawId++);
		}
		this.db.raw.getCollection(Post.COLLECTION, Post.class).insertMany(this.posts);
		return this.posts;
	}

	@Benchmark
	public List<Post> springDataSaveAll() {
		return this.db.springDataPosts.saveAll(this.posts);
	}

	@Benchmark
	public List<Post> djongoBulkCreate() {
		return this.db.djongoPosts.saveAll(this.posts);
	}

}
