package io.djongo.spring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
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

/**
 * Scenario 1: materialise all posts: 10,000, and 100,000 to see how each contender grows with the result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class ReadBenchmark {

	@Param({ "10000", "100000" })
	public int posts;

	private BenchmarkDatabase db;

	@Setup(Level.Trial)
	public void start() {
		this.db = BenchmarkDatabase.withPosts("bench_read", this.posts);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.db.close();
	}

	@Benchmark
	public List<Document> rawDriverDocuments() {
		return this.db.raw.getCollection(Post.COLLECTION).find().into(new ArrayList<>(this.posts));
	}

	@Benchmark
	public List<Post> rawDriverPojoCodec() {
		return this.db.raw.getCollection(Post.COLLECTION, Post.class).find().into(new ArrayList<>(this.posts));
	}

	@Benchmark
	public List<Post> springDataFindAll() {
		return this.db.springDataPosts.findAll();
	}

	@Benchmark
	public List<Post> djongoObjectsList() {
		return this.db.djongoPosts.objects().list();
	}

}
