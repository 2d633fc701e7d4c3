package io.djongo.spring.benchmarks;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.djongo.spring.core.model.internal.ModelCodecs;
import io.djongo.spring.core.model.internal.RequiredFields;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.Decoder;
import org.bson.codecs.DecoderContext;
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
 * Scenario 5: mapping alone, no server: decode 10,000 pre-encoded BSON documents into posts. Spring Data and
 * {@code djongoToModel} read a {@link Document} (what the driver hands them on a read), so for them the BSON is first
 * decoded by the driver's {@code DocumentCodec}, as on a real read; {@code djongoModelCodec} decodes the BSON straight
 * into posts, as the POJO codec does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class MappingBenchmark {

	private static final DecoderContext DECODING = DecoderContext.builder().build();

	private BenchmarkDatabase db;

	private List<byte[]> encoded;

	private Codec<Post> pojoCodec;

	private Codec<Document> documentCodec;

	private Decoder<Object> modelDecoder;

	@Setup(Level.Trial)
	public void start() {
		this.db = BenchmarkDatabase.empty("bench_mapping");
		this.pojoCodec = this.db.raw.getCodecRegistry().get(Post.class);
		this.documentCodec = this.db.raw.getCodecRegistry().get(Document.class);
		this.modelDecoder = new ModelCodecs(this.db.djongo.getConverter(), this.db.djongo.getDb().getCodecRegistry(),
				RequiredFields.NONE)
			.decoder(Post.class);
		this.encoded = new ArrayList<>(BenchmarkDatabase.POSTS);
		for (int i = 1; i <= BenchmarkDatabase.POSTS; i++) {
			BasicOutputBuffer buffer = new BasicOutputBuffer();
			this.documentCodec.encode(new BsonBinaryWriter(buffer), BenchmarkDatabase.postDocument(i),
					EncoderContext.builder().build());
			this.encoded.add(buffer.toByteArray());
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.db.close();
	}

	@Benchmark
	public List<Post> driverPojoCodec() {
		List<Post> posts = new ArrayList<>(this.encoded.size());
		for (byte[] bytes : this.encoded) {
			posts.add(this.pojoCodec.decode(reader(bytes), DECODING));
		}
		return posts;
	}

	@Benchmark
	public List<Post> springDataMappingMongoConverter() {
		List<Post> posts = new ArrayList<>(this.encoded.size());
		for (byte[] bytes : this.encoded) {
			posts.add(this.db.springData.getConverter().read(Post.class, this.documentCodec.decode(reader(bytes), DECODING)));
		}
		return posts;
	}

	@Benchmark
	public List<Post> djongoToModel() {
		List<Post> posts = new ArrayList<>(this.encoded.size());
		for (byte[] bytes : this.encoded) {
			posts.add(this.db.djongo.toModel(this.documentCodec.decode(reader(bytes), DECODING), Post.class));
		}
		return posts;
	}

	@Benchmark
	public List<Post> djongoModelCodec() {
		List<Post> posts = new ArrayList<>(this.encoded.size());
		for (byte[] bytes : this.encoded) {
			posts.add((Post) this.modelDecoder.decode(reader(bytes), DECODING));
		}
		return posts;
	}

	private static BsonBinaryReader reader(byte[] bytes) {
		return new BsonBinaryReader(ByteBuffer.wrap(bytes));
	}

}
