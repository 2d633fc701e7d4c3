package io.djongo.spring.core.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.Id;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200,000 documents of about 600 bytes (some 120 MB) are read through {@code stream()} (Django's {@code iterator()},
 * 2,000 a batch) in a JVM whose whole heap is 32 MiB: were they ever held together, as {@code list()} holds them, that JVM would die of
 * an OutOfMemoryError, and a control run shows it does. The child JVM talks to this JVM's test server.
 */
class QuerySetStreamingBoundIntegrationTests {

	static final int DOCUMENTS = 200_000;

	static final int PAYLOAD = 560;

	static final String HEAP = "-Xmx32m";

	static String database;

	@BeforeAll
	static void data() {
		database = TestMongo.uniqueDatabaseName("streaming_qs");
		MongoCollection<Document> collection = TestClients.client().getDatabase(database).getCollection("qs_bulky");
		String payload = "x".repeat(PAYLOAD);
		List<Document> batch = new ArrayList<>();
		for (long id = 1; id <= DOCUMENTS; id++) {
			batch.add(new Document("_id", id).append("n", (int) (id % 7)).append("payload", payload + id));
			if (batch.size() == 10_000) {
				collection.insertMany(batch);
				batch = new ArrayList<>();
			}
		}
	}

	@AfterAll
	static void drop() {
		TestClients.client().getDatabase(database).drop();
	}

	@Test
	void aStreamOfMoreDocumentsThanTheHeapHoldsReadsThemAll() throws Exception {
		Child child = runChild("stream");

		assertThat(child.exitCode()).as(child.output()).isZero();
		assertThat(child.output()).contains("read=" + DOCUMENTS).contains("ordered=true").contains("sum=" + sum());
		Matcher maxHeap = Pattern.compile("maxHeap=(\\d+)").matcher(child.output());
		assertThat(maxHeap.find()).isTrue();
		assertThat(Long.parseLong(maxHeap.group(1))).isLessThan((long) DOCUMENTS * PAYLOAD / 3);
	}

	@Test
	void theChildHeapCannotHoldTheListOfThem() throws Exception {
		Child child = runChild("list");

		assertThat(child.exitCode()).as(child.output()).isNotZero();
		assertThat(child.output()).contains("OutOfMemoryError");
	}

	private static long sum() {
		long sum = 0;
		for (long id = 1; id <= DOCUMENTS; id++) {
			sum += id % 7;
		}
		return sum;
	}

	private static Child runChild(String mode) throws IOException, InterruptedException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
				"-XX:+ExitOnOutOfMemoryError", "-cp", classPath, ChildMain.class.getName(), mode, TestMongo.uri(),
				database);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		// a guard against a hung child, not a performance assertion
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		return new Child(process.exitValue(), new String(output));
	}

	private record Child(int exitCode, String output) {
	}

	/**
	 * The bounded JVM: {@code stream <uri> <database>} reads every document through {@code stream()};
	 * {@code list <uri> <database>} holds them all in a list, which the heap cannot do.
	 */
	public static final class ChildMain {

		public static void main(String[] args) {
			try (MongoClient client = MongoClients.create(args[1])) {
				DjongoTemplate template = DjongoTestConfiguration.template(client, args[2]);
				QuerySet<Bulky> all = template.objects(Bulky.class).orderBy("id");
				if (args[0].equals("list")) {
					// every model held at once, as list() holds them (the embedded server answers an unbatched find of
					// them in one reply over the driver's 48 MB message limit, so list() itself fails there first)
					System.out.println("held " + all.stream().toList().size());
					return;
				}
				long read = 0;
				long sum = 0;
				long previous = 0;
				boolean ordered = true;
				// stream() is iterator(2000) as a stream: the same cursor, read in batches
				try (Stream<Bulky> stream = all.stream()) {
					for (Bulky bulky : (Iterable<Bulky>) stream::iterator) {
						read++;
						sum += bulky.n;
						ordered &= bulky.id != null && bulky.id > previous;
						previous = (bulky.id != null) ? bulky.id : previous;
					}
				}
				System.out.println("read=" + read);
				System.out.println("ordered=" + ordered);
				System.out.println("sum=" + sum);
				System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
			}
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("qs_bulky")
	static class Bulky {

		@Id
		@Nullable Long id;

		int n;

		@Nullable String payload;

	}

}
