package io.djongo.spring.core.gridfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 50 MiB file goes through save and read-back in a JVM whose whole heap is 32 MiB: were the content ever held in
 * memory as a whole, that JVM would die of an OutOfMemoryError. A control run shows the heap cannot hold the file.
 * The child JVM talks to this JVM's test server; the file content is pseudo-random, checked by SHA-256.
 */
class StreamingBoundIntegrationTests {

	private static final long FILE_SIZE = 50L * 1024 * 1024;

	private static final String HEAP = "-Xmx32m";

	@Test
	void aFileLargerThanTheHeapIsSavedAndReadBackAsAStream(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("big.bin");
		String expectedDigest = writePseudoRandomFile(file);
		String database = TestMongo.uniqueDatabaseName("streaming");
		try {
			Child child = runChild("stream", TestMongo.uri(), database, file.toString());

			assertThat(child.exitCode()).as(child.output()).isZero();
			assertThat(child.output()).contains("stored=" + FILE_SIZE)
				.contains("read=" + FILE_SIZE)
				.contains("sha256=" + expectedDigest);
			Matcher maxHeap = Pattern.compile("maxHeap=(\\d+)").matcher(child.output());
			assertThat(maxHeap.find()).isTrue();
			assertThat(Long.parseLong(maxHeap.group(1))).isLessThan(FILE_SIZE);
		}
		finally {
			TestClients.client().getDatabase(database).drop();
		}
	}

	@Test
	void theChildHeapCannotHoldTheFile(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("big.bin");
		writePseudoRandomFile(file);

		Child child = runChild("hold", file.toString());

		assertThat(child.exitCode()).as(child.output()).isNotZero();
		assertThat(child.output()).contains("OutOfMemoryError");
	}

	private static String writePseudoRandomFile(Path file) throws IOException, NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		Random random = new Random(42);
		byte[] block = new byte[1024 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			for (long written = 0; written < FILE_SIZE; written += block.length) {
				random.nextBytes(block);
				digest.update(block);
				out.write(block);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static Child runChild(String... args) throws IOException, InterruptedException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", classPath, ChildMain.class.getName()));
		command.addAll(List.of(args));
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
	 * The bounded JVM: {@code stream <uri> <database> <file>} saves a model holding the file and reads it back;
	 * {@code hold <file>} reads the file into memory, which the heap cannot do.
	 */
	public static final class ChildMain {

		public static void main(String[] args) throws Exception {
			if (args[0].equals("hold")) {
				byte[] all = Files.readAllBytes(Path.of(args[1]));
				System.out.println("held " + all.length);
				return;
			}
			System.setProperty("streaming.uri", args[1]);
			System.setProperty("streaming.database", args[2]);
			try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
					ChildConfig.class)) {
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				Upload upload = new Upload();
				upload.file = StoredFile.of(new FileSystemResource(args[3]), "big.bin", "application/octet-stream");
				template.save(upload);
				System.out.println("stored=" + upload.file.getSize());

				Upload read = template.findById(upload.id, Upload.class);
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				long total = 0;
				try (InputStream in = new DigestInputStream(read.file.open(), digest)) {
					byte[] buffer = new byte[8192];
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						total += n;
					}
				}
				System.out.println("read=" + total);
				System.out.println("sha256=" + HexFormat.of().formatHex(digest.digest()));
				System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChildConfig {

		@Bean(destroyMethod = "close")
		MongoClient mongoClient() {
			return MongoClients.create(System.getProperty("streaming.uri"));
		}

		@Bean
		MongoDatabaseFactory mongoDatabaseFactory(MongoClient client) {
			return new SimpleMongoClientDatabaseFactory(client, System.getProperty("streaming.database"));
		}

		@Bean
		MongoMappingContext mongoMappingContext() {
			MongoMappingContext context = new MongoMappingContext();
			context.setSimpleTypeHolder(conversions().getSimpleTypeHolder());
			return context;
		}

		@Bean
		MappingMongoConverter mappingMongoConverter(MongoDatabaseFactory factory, MongoMappingContext context) {
			MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
			converter.setCustomConversions(conversions());
			converter.afterPropertiesSet();
			return converter;
		}

		@Bean
		DjongoTemplate djongoTemplate(MongoDatabaseFactory factory, MappingMongoConverter converter) {
			return new DjongoTemplate(factory, converter);
		}

		@Bean
		GridFsStorage gridFsStorage() {
			return new GridFsStorage("streaming");
		}

		@Bean
		FileFieldCallbacks fileFieldCallbacks(MongoDatabaseFactory factory, MongoMappingContext context) {
			return new FileFieldCallbacks(factory, context);
		}

		private static MongoCustomConversions conversions() {
			return MongoCustomConversions
				.create((adapter) -> adapter.registerConverters(StoredFileConverters.converters()));
		}

	}

	@Document("streaming_upload")
	static class Upload {

		@Id
		@Nullable ObjectId id;

		@FileField(uploadTo = "big")
		@Nullable StoredFile file;

	}

}
