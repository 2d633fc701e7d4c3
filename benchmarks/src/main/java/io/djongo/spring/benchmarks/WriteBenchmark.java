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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Scenario 3: write 10,000 (and 100,000) new posts in one call. Each invocation starts from an empty collection and fresh,
 * id-less models (not measured). The driver gets ids from an in-memory counter, Spring Data from the same counter in
 * a {@code BeforeConvertCallback} (it has no generator for {@code Long} ids); djongo reserves its ids from its
 * counter collection (one {@code findAndModify}) and validates every model (Hibernate Validator) before sending;
 * {@code djongoBulkCreateUnconstrained} writes the same posts of a model without constraints
 * ({@link UnconstrainedPost}), which leaves nothing to validate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
public class WriteBenchmark {

	@Param({ "10000", "100000" })
	public int posts;

	private BenchmarkDatabase db;

	private List<Post> models = List.of();

	private List<UnconstrainedPost> unconstrainedModels = List.of();

	private long nextRawId = 1;

	@Setup(Level.Trial)
	public void start() {
		this.db = BenchmarkDatabase.empty("bench_write");
		// each invocation drops the collection the one before wrote: the first finds one too
		this.db.raw.createCollection(Post.COLLECTION);
		this.db.raw.createCollection(UnconstrainedPost.COLLECTION);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.db.close();
	}

	/** An empty collection and fresh models for the benchmark about to run, of its model only. */
	@Setup(Level.Invocation)
	public void freshPosts(BenchmarkParams params) {
		boolean unconstrained = params.getBenchmark().endsWith("Unconstrained");
		this.db.raw.getCollection(unconstrained ? UnconstrainedPost.COLLECTION : Post.COLLECTION).drop();
		if (unconstrained) {
			this.unconstrainedModels = new ArrayList<>(this.posts);
			for (int i = 1; i <= this.posts; i++) {
				this.unconstrainedModels.add(BenchmarkDatabase.newUnconstrainedPost(i));
			}
			return;
		}
		this.models = new ArrayList<>(this.posts);
		for (int i = 1; i <= this.posts; i++) {
			this.models.add(BenchmarkDatabase.newPost(i));
		}
	}

	@Benchmark
	public List<Post> rawInsertMany() {
		for (Post post : this.models) {
			post.setId(this.nextRawId++);
		}
		this.db.raw.getCollection(Post.COLLECTION, Post.class).insertMany(this.models);
		return this.models;
	}

	@Benchmark
	public List<Post> springDataSaveAll() {
		return this.db.springDataPosts.saveAll(this.models);
	}

	@Benchmark
	public List<Post> djongoBulkCreate() {
		return this.db.djongoPosts.saveAll(this.models);
	}

	@Benchmark
	public List<UnconstrainedPost> djongoBulkCreateUnconstrained() {
		return this.db.djongoUnconstrainedPosts.saveAll(this.unconstrainedModels);
	}

}
