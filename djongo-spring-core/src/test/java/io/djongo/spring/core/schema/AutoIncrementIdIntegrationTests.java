package io.djongo.spring.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django's AutoField on the server: counters in {@code __schema__}, one round trip per reservation, safe under
 * concurrency, after hand-inserted documents and next to explicit ids.
 */
@SpringJUnitConfig
class AutoIncrementIdIntegrationTests {

	@Autowired
	DjongoTemplate template;

	@Autowired
	CounterRepository counters;

	@Autowired
	IntegerIdRepository integerIds;

	@Autowired
	StringIdRepository stringIds;

	private final CommandRecorder recorder = TestClients.recorder();

	@Test
	void assignsConsecutiveIdsOnFirstSaveAndKeepsThemOnUpdate() {
		String collection = "sequential";
		Counter first = this.template.insert(new Counter("a"), collection);
		Counter second = this.template.insert(new Counter("b"), collection);
		assertThat(first.id).isEqualTo(1L);
		assertThat(second.id).isEqualTo(2L);

		this.recorder.clear();
		first.text = "a2";
		this.template.save(first, collection);
		assertThat(this.recorder.names()).containsExactly("update");
		assertThat(first.id).isEqualTo(1L);
		assertThat(this.template.mongo(collection).countDocuments()).isEqualTo(2);
	}

	@Test
	void keepsTheCounterInDjongosSchemaCollection() {
		this.template.insert(new Counter("a"), "layout");
		this.template.insert(new Counter("b"), "layout");
		Document counter = this.template.mongo("__schema__").find(new Document("name", "layout")).first();
		assertThat(counter).isNotNull();
		assertThat(counter.get("auto", Document.class).get("seq")).isEqualTo(2L);
	}

	@Test
	void bulkCreateReservesAllIdsWithOneCounterUpdate() {
		List<Counter> models = IntStream.range(0, 10_000).mapToObj((i) -> new Counter("n" + i)).toList();
		this.counters.objects();
		this.template.insert(new Counter("warm-up"), "counter");

		this.recorder.clear();
		List<Counter> saved = this.counters.saveAll(models);

		// one counter update; the driver splits the insert by the server's maxWriteBatchSize (1,000 on the embedded
		// server, 100,000 on MongoDB)
		assertThat(this.recorder.names()).first().isEqualTo("findAndModify");
		assertThat(this.recorder.names()).filteredOn("findAndModify"::equals).hasSize(1);
		assertThat(this.recorder.names()).filteredOn("insert"::equals).hasSizeBetween(1, 10);
		assertThat(this.recorder.count()).isLessThanOrEqualTo(11);
		assertThat(saved).extracting((c) -> c.id).doesNotContainNull().doesNotHaveDuplicates();
		long firstId = saved.get(0).id;
		assertThat(saved).extracting((c) -> c.id)
			.containsExactlyElementsOf(LongStream.range(firstId, firstId + 10_000).boxed().toList());
		assertThat(this.template.mongo("counter").countDocuments()).isEqualTo(10_001);
	}

	@Test
	void concurrentSavesGetDistinctIds() throws Exception {
		String collection = "concurrent";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<List<Long>>> results = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				results.add(pool.submit(() -> {
					List<Long> ids = new ArrayList<>();
					for (int i = 0; i < 1_000; i++) {
						ids.add(this.template.insert(new Counter("t"), collection).id);
					}
					return ids;
				}));
			}
			Set<Long> ids = new TreeSet<>();
			for (Future<List<Long>> result : results) {
				ids.addAll(result.get());
			}
			assertThat(ids).hasSize(8_000).first().isEqualTo(1L);
			assertThat(ids).last().isEqualTo(8_000L);
			assertThat(this.template.mongo(collection).countDocuments()).isEqualTo(8_000);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void resynchronisesTheCounterAfterDocumentsInsertedByHand() {
		String collection = "restored";
		this.template.insert(new Counter("first"), collection);
		for (long id = 2; id <= 5; id++) {
			this.template.mongo(collection).insertOne(new Document("_id", id).append("text", "raw" + id));
		}

		Counter next = this.template.insert(new Counter("after raw"), collection);

		assertThat(next.id).isEqualTo(6L);
		assertThat(this.template.mongo(collection).find(new Document("_id", 2L)).first()).containsEntry("text",
				"raw2");
		assertThat(this.template.mongo(collection).countDocuments()).isEqualTo(6);
	}

	@Test
	void resynchronisesABulkCreateAndWritesItWhole() {
		this.template.insert(new Counter("first"), "bulkrestored");
		for (long id = 2; id <= 4; id++) {
			this.template.mongo("bulkrestored").insertOne(new Document("_id", id).append("text", "raw" + id));
		}
		List<Counter> batch = IntStream.range(0, 5).mapToObj((i) -> new Counter("bulk" + i)).toList();

		List<Counter> saved = new ArrayList<>(this.template.insert(batch, "bulkrestored"));

		// ids 2..6 were reserved first; 2 collided, so the counter moved past the highest id and 7..11 were taken:
		// a gap, never a reuse
		assertThat(saved).extracting((c) -> c.id).containsExactly(7L, 8L, 9L, 10L, 11L);
		assertThat(this.template.mongo("bulkrestored").countDocuments()).isEqualTo(9);
		assertThat(this.template.findById(7L, Counter.class, "bulkrestored").text).isEqualTo("bulk0");
		assertThat(this.template.findById(2L, Counter.class, "bulkrestored").text).isEqualTo("raw2");
	}

	@Test
	void saveOfANewModelNeverOverwritesADocumentInsertedByHand() {
		this.template.insert(new Counter("first"), "nooverwrite");
		this.template.mongo("nooverwrite").insertOne(new Document("_id", 2L).append("text", "raw"));

		Counter saved = this.template.save(new Counter("new"), "nooverwrite");

		assertThat(saved.id).isEqualTo(3L);
		assertThat(this.template.mongo("nooverwrite").find(new Document("_id", 2L)).first()).containsEntry("text",
				"raw");
	}

	@Test
	void explicitIdsAreKeptAndLaterIdsNeverCollideWithThem() {
		String collection = "explicit";
		Counter explicit = new Counter("explicit");
		explicit.id = 100L;
		this.template.save(explicit, collection);
		assertThat(this.template.insert(new Counter("auto"), collection).id).isEqualTo(101L);

		Counter explicitInBatch = new Counter("explicit in batch");
		explicitInBatch.id = 200L;
		List<Counter> saved = new ArrayList<>(this.template.insert(
				List.of(new Counter("x"), explicitInBatch, new Counter("y")), collection));
		assertThat(saved).extracting((c) -> c.id).containsExactly(201L, 200L, 202L);
	}

	@Test
	void immutableModelsGetTheirIdsThroughCopies() {
		List<Note> saved = new ArrayList<>(
				this.template.insert(List.of(new Note(null, "a"), new Note(null, "b")), "immutable"));
		assertThat(saved).extracting(Note::id).containsExactly(1L, 2L);
		assertThat(this.template.save(new Note(null, "c"), "immutable").id()).isEqualTo(3L);
		assertThat(this.template.findById(3L, Note.class, "immutable")).isEqualTo(new Note(3L, "c"));
	}

	@Test
	void integerIdsAreAssignedToo() {
		IntegerId first = this.integerIds.save(new IntegerId());
		IntegerId second = this.integerIds.save(new IntegerId());
		assertThat(second.id).isEqualTo(first.id + 1);
		assertThat(this.integerIds.findById(second.id)).isPresent();
	}

	@Test
	void stringIdsKeepSpringDataBehaviour() {
		StringId saved = this.stringIds.save(new StringId());
		assertThat(saved.id).hasSize(24);
		assertThat(this.template.mongo("__schema__").countDocuments(new Document("name", "string_id"))).isZero();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

	interface CounterRepository extends DjongoRepository<Counter, Long> {

	}

	interface IntegerIdRepository extends DjongoRepository<IntegerId, Integer> {

	}

	interface StringIdRepository extends DjongoRepository<StringId, String> {

	}

	@org.springframework.data.mongodb.core.mapping.Document("counter")
	static class Counter {

		@Id
		@Nullable Long id;

		String text;

		Counter(String text) {
			this.text = text;
		}

	}

	record Note(@Id @Nullable Long id, String text) {
	}

	@org.springframework.data.mongodb.core.mapping.Document("integer_id")
	static class IntegerId {

		@Id
		@Nullable Integer id;

	}

	@org.springframework.data.mongodb.core.mapping.Document("string_id")
	static class StringId {

		@Id
		@Nullable String id;

	}

}
