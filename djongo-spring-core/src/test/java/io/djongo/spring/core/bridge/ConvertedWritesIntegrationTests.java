package io.djongo.spring.core.bridge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.model.Sorts;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import org.bson.BsonDocument;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk create whose documents nothing looks at sends its models converted by the codec, and stores exactly what
 * the converter's documents would; with a listener of the save events, the listener gets the documents, as Spring
 * Data gives them, and what it changes is stored.
 */
class ConvertedWritesIntegrationTests {

	@Nullable AnnotationConfigApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void aBulkCreateNothingLooksAtStoresTheConvertersDocumentsWithOneInsert() {
		DjongoTemplate template = template(DjongoTestConfiguration.class);
		List<Reading> readings = readings(60);

		TestClients.recorder().clear();
		List<Reading> saved = template.bulkCreate(readings);

		assertThat(TestClients.recorder().names()).filteredOn("insert"::equals).hasSize(1);
		List<BsonDocument> expected = new ArrayList<>();
		for (Reading reading : saved) {
			Document document = new Document();
			template.getConverter().write(reading, document);
			expected.add(document.toBsonDocument(BsonDocument.class, template.getDb().getCodecRegistry()));
		}
		assertThat(stored(template)).isEqualTo(expected);
		assertThat(template.objects(Reading.class).list()).usingRecursiveFieldByFieldElementComparator()
			.isEqualTo(saved);
	}

	@Test
	void aListenerOfTheSaveEventsGetsTheDocumentsAndWhatItChangesIsStored() {
		DjongoTemplate template = template(DjongoTestConfiguration.class, Marking.class);

		template.bulkCreate(readings(5));

		assertThat(this.requiredContext().getBean(Marking.class).seen).hasValue(5);
		assertThat(stored(template)).allSatisfy((document) -> assertThat(document.getBoolean("marked").getValue())
			.isTrue());
	}

	private DjongoTemplate template(Class<?>... configurations) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(configurations);
		this.context = context;
		return context.getBean(DjongoTemplate.class);
	}

	private AnnotationConfigApplicationContext requiredContext() {
		return Objects.requireNonNull(this.context);
	}

	private static List<BsonDocument> stored(DjongoTemplate template) {
		return template.mongo(Reading.class)
			.withDocumentClass(BsonDocument.class)
			.find()
			.sort(Sorts.ascending("_id"))
			.into(new ArrayList<>());
	}

	private static List<Reading> readings(int count) {
		List<Reading> readings = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Reading reading = new Reading();
			reading.sensor = "sensor " + i;
			reading.value = new BigDecimal(i + ".25");
			reading.at = Instant.parse("2024-03-01T10:15:30.123Z").plusSeconds(i);
			reading.token = new UUID(i, i);
			reading.kind = (i % 2 == 0) ? Kind.TEMPERATURE : Kind.HUMIDITY;
			reading.tags = List.of("t" + i, "all");
			reading.note = (i % 3 == 0) ? null : "note " + i;
			readings.add(reading);
		}
		return readings;
	}

	enum Kind {

		TEMPERATURE, HUMIDITY

	}

	@org.springframework.data.mongodb.core.mapping.Document("readings")
	static class Reading {

		@Id
		@Nullable Long id;

		@Nullable String sensor;

		@Nullable BigDecimal value;

		@Nullable Instant at;

		@Nullable UUID token;

		@Nullable Kind kind;

		@Nullable List<String> tags;

		@Nullable String note;

	}

	static class Marking implements ApplicationListener<BeforeSaveEvent<Object>> {

		final AtomicInteger seen = new AtomicInteger();

		@Override
		public void onApplicationEvent(BeforeSaveEvent<Object> event) {
			this.seen.incrementAndGet();
			Objects.requireNonNull(event.getDocument()).put("marked", true);
		}

	}

}
