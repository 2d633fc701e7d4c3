package io.djongo.spring.benchmarks;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.djongo.spring.benchmarks.app.DjongoAuthorRepository;
import io.djongo.spring.benchmarks.app.DjongoBenchmarkApplication;
import io.djongo.spring.benchmarks.app.DjongoPostRepository;
import io.djongo.spring.benchmarks.app.DjongoUnconstrainedPostRepository;
import io.djongo.spring.benchmarks.springdata.SpringDataBenchmarkApplication;
import io.djongo.spring.benchmarks.springdata.SpringDataPostRepository;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.codecs.pojo.PojoCodecProvider;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One embedded server in the benchmark's JVM, its data, and the three contenders on it: the raw driver (with its
 * POJO codec), and Spring Data MongoDB and djongo each as an application gets it: a Spring Boot application with
 * Spring Boot's MongoDB auto-configuration ({@link SpringDataBenchmarkApplication}) and one with djongo's starter
 * ({@link DjongoBenchmarkApplication}).
 */
public final class BenchmarkDatabase implements AutoCloseable {

	/** Posts in the read data, unless a benchmark asks for more. */
	public static final int POSTS = 10_000;

	/** Authors in the read data; post {@code i} has author {@code i % AUTHORS + 1}. */
	public static final int AUTHORS = 1_000;

	static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

	private final MongoServer server;

	private final MongoClient client;

	/** The database of the driver contender, with the POJO codec registered. */
	public final MongoDatabase raw;

	/** Spring Data MongoDB in a Spring Boot application of its own. */
	private final ConfigurableApplicationContext springDataApplication;

	public final MongoTemplate springData;

	public final SpringDataPostRepository springDataPosts;

	/** djongo as the starter's auto-configuration wires it, in a Spring Boot application. */
	private final ConfigurableApplicationContext djongoApplication;

	public final DjongoTemplate djongo;

	public final DjongoPostRepository djongoPosts;

	public final DjongoAuthorRepository djongoAuthors;

	public final DjongoUnconstrainedPostRepository djongoUnconstrainedPosts;

	private BenchmarkDatabase(String database) {
		this.server = new MongoServer(new MemoryBackend());
		// as djongo's embedded server runs it: one worker thread, since the memory backend does not lock
		this.server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(this.server.getConnectionString()))
			.uuidRepresentation(UuidRepresentation.STANDARD)
			.build());
		CodecRegistry pojos = CodecRegistries.fromRegistries(MongoClientSettings.getDefaultCodecRegistry(),
				CodecRegistries.fromProviders(PojoCodecProvider.builder().register(Post.class, Author.class).build()));
		this.raw = this.client.getDatabase(database).withCodecRegistry(pojos);
		this.springDataApplication = SpringDataBenchmarkApplication
			.start("mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort() + "/" + database);
		this.springData = this.springDataApplication.getBean(MongoTemplate.class);
		this.springDataPosts = this.springDataApplication.getBean(SpringDataPostRepository.class);
		this.djongoApplication = DjongoBenchmarkApplication.start(
				"127.0.0.1:" + this.server.getLocalAddress().getPort(), database);
		this.djongo = this.djongoApplication.getBean(DjongoTemplate.class);
		this.djongoPosts = this.djongoApplication.getBean(DjongoPostRepository.class);
		this.djongoAuthors = this.djongoApplication.getBean(DjongoAuthorRepository.class);
		this.djongoUnconstrainedPosts = this.djongoApplication.getBean(DjongoUnconstrainedPostRepository.class);
	}

	/** A server with an empty database. */
	public static BenchmarkDatabase empty(String database) {
		return new BenchmarkDatabase(database);
	}

	/** A server holding {@link #POSTS} posts and {@link #AUTHORS} authors. */
	public static BenchmarkDatabase withPosts(String database) {
		return withPosts(database, POSTS);
	}

	/** A server holding the given number of posts and {@link #AUTHORS} authors. */
	public static BenchmarkDatabase withPosts(String database, int count) {
		BenchmarkDatabase db = new BenchmarkDatabase(database);
		List<Document> posts = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			posts.add(postDocument(i));
		}
		db.raw.getCollection(Post.COLLECTION).insertMany(posts);
		List<Document> authors = new ArrayList<>(AUTHORS);
		for (int i = 1; i <= AUTHORS; i++) {
			authors.add(new Document("_id", (long) i).append("name", "Author " + i));
		}
		db.raw.getCollection(Author.COLLECTION).insertMany(authors);
		return db;
	}

	/** Post {@code i} as stored: every contender reads these documents. */
	public static Document postDocument(int i) {
		return new Document("_id", (long) i).append("title", "Post " + i)
			.append("body", body(i))
			.append("rating", i % 5 + 1)
			.append("views", i * 7 % 1000)
			.append("publishedDate", Date.from(EPOCH.plus(i, ChronoUnit.HOURS)))
			.append("tags", List.of("tag" + i % 10, "tag" + i % 7))
			.append("author_id", (long) (i % AUTHORS + 1));
	}

	/** A new post {@code i} with no id, as a write would create it. */
	public static Post newPost(int i) {
		Post post = new Post();
		post.setTitle("Post " + i);
		post.setBody(body(i));
		post.setRating(i % 5 + 1);
		post.setViews(i * 7 % 1000);
		post.setPublishedDate(EPOCH.plus(i, ChronoUnit.HOURS));
		post.setTags(List.of("tag" + i % 10, "tag" + i % 7));
		post.setAuthorId((long) (i % AUTHORS + 1));
		return post;
	}

	/** The same post {@code i} as {@link #newPost(int)}, of the model without constraints. */
	public static UnconstrainedPost newUnconstrainedPost(int i) {
		UnconstrainedPost post = new UnconstrainedPost();
		post.setTitle("Post " + i);
		post.setBody(body(i));
		post.setRating(i % 5 + 1);
		post.setViews(i * 7 % 1000);
		post.setPublishedDate(EPOCH.plus(i, ChronoUnit.HOURS));
		post.setTags(List.of("tag" + i % 10, "tag" + i % 7));
		post.setAuthorId((long) (i % AUTHORS + 1));
		return post;
	}

	private static String body(int i) {
		return "Post number " + i + " talks about MongoDB, Django and Spring at some length, as posts do. "
				+ "It has a second sentence so that the document is of a realistic size, around 300 bytes.";
	}

	@Override
	public void close() {
		this.djongoApplication.close();
		this.springDataApplication.close();
		this.client.close();
		this.server.shutdownNow();
	}

}
