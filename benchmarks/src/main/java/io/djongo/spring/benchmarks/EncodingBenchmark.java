package io.djongo.spring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.djongo.spring.core.model.internal.ModelCodecs;
import io.djongo.spring.core.model.internal.RequiredFields;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
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
 * Scenario 6: encoding alone, no server: turn 10,000 posts (with ids) into the BSON an insert sends. The POJO codec
 * encodes each post into one buffer, as the driver encodes an insert's documents into its message; Spring Data's
 * converter writes each post into a {@link Document} that the driver's {@code DocumentCodec} then encodes, as an
 * insert through {@code MongoTemplate} does; djongo's model codec converts each post (what the converter's document
 * would hold) and its insert codec encodes them into one buffer, as a bulk create's insert does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class EncodingBenchmark {

	private static final EncoderContext INSERTING = EncoderContext.builder().isEncodingCollectibleDocument(true).build();

	private BenchmarkDatabase db;

	private List<Post> posts = List.of();

	private Codec<Post> pojoCodec;

	private Codec<Document> documentCodec;

	private ModelCodecs modelCodecs;

	@Setup(Level.Trial)
	public void start() {
		this.db = BenchmarkDatabase.empty("bench_encoding");
		this.pojoCodec = this.db.raw.getCodecRegistry().get(Post.class);
		this.documentCodec = this.db.djongo.getDb().getCodecRegistry().get(Document.class);
		this.modelCodecs = new ModelCodecs(this.db.djongo.getConverter(), this.db.djongo.getDb().getCodecRegistry(),
				RequiredFields.NONE);
		this.posts = new ArrayList<>(BenchmarkDatabase.POSTS);
		for (int i = 1; i <= BenchmarkDatabase.POSTS; i++) {
			Post post = BenchmarkDatabase.newPost(i);
			post.setId((long) i);
			this.posts.add(post);
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.db.close();
	}

	@Benchmark
	public BasicOutputBuffer driverPojoCodec() {
		BasicOutputBuffer buffer = new BasicOutputBuffer();
		BsonBinaryWriter writer = new BsonBinaryWriter(buffer);
		for (Post post : this.posts) {
			this.pojoCodec.encode(writer, post, INSERTING);
		}
		return buffer;
	}

	@Benchmark
	public BasicOutputBuffer springDataMappingMongoConverter() {
		BasicOutputBuffer buffer = new BasicOutputBuffer();
		BsonBinaryWriter writer = new BsonBinaryWriter(buffer);
		for (Post post : this.posts) {
			Document document = new Document();
			this.db.springData.getConverter().write(post, document);
			this.documentCodec.encode(writer, document, INSERTING);
		}
		return buffer;
	}

	@Benchmark
	public BasicOutputBuffer djongoModelCodec() {
		BasicOutputBuffer buffer = new BasicOutputBuffer();
		BsonBinaryWriter writer = new BsonBinaryWriter(buffer);
		Codec<Object> insert = this.modelCodecs.insertCodec();
		for (Post post : this.posts) {
			insert.encode(writer, Objects.requireNonNull(this.modelCodecs.convert(post)), INSERTING);
		}
		return buffer;
	}

}
