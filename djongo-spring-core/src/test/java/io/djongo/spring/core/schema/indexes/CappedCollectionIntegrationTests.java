package io.djongo.spring.core.schema.indexes;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.schema.CheckReport;
import io.djongo.spring.core.schema.CollectionState;
import io.djongo.spring.core.schema.CollectionState.Status;
import io.djongo.spring.core.schema.CollectionVerificationException;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.core.schema.MigrationReport;
import io.djongo.spring.core.schema.SchemaValidation;
import io.djongo.spring.core.schema.indexes.Catalog.Book;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Capped collections on a server: created capped at start-up and by migrate, an existing collection with other
 * options reported and never converted, verify mode failing, the check reporting the difference; on the embedded
 * server, which cannot create them, one INFO line and no failure.
 */
class CappedCollectionIntegrationTests {

	@org.springframework.data.mongodb.core.mapping.Document("capped_event")
	@Model(capped = true, maxSize = 16384, maxDocuments = 3)
	static class Event {

		@Id
		@Nullable String id;

		int n;

		Event() {
		}

		Event(int n) {
			this.n = n;
		}

	}

	private static DjongoTemplate template(String name, Class<?>... models) {
		return DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName(name), models);
	}

	private static @Nullable Document options(DjongoTemplate template, String collection) {
		Document found = template.getDb().listCollections().filter(new Document("name", collection)).first();
		return (found != null) ? found.get("options", Document.class) : null;
	}

	@Test
	void createModeCreatesTheCollectionCappedAndItKeepsTheNewestDocuments() {
		TestMongo.assumeRealMongoDb("capped collections");
		DjongoTemplate template = template("capped_create", Event.class, Book.class);
		assertThat(template.schema().collections(IndexMode.CREATE)).singleElement()
			.isEqualTo(new CollectionState("Event", "capped_event", Status.CREATED, ""));
		Document options = options(template, "capped_event");
		assertThat(options).isNotNull();
		assertThat(options.get("capped")).isEqualTo(true);
		assertThat(((Number) options.get("max")).longValue()).isEqualTo(3);
		for (int n = 1; n <= 5; n++) {
			template.insert(new Event(n));
		}
		assertThat(template.objects(Event.class).valuesList("n", Integer.class).list()).containsExactly(3, 4, 5);
		TestClients.recorder().clear();
		assertThat(template.schema().collections(IndexMode.CREATE)).extracting(CollectionState::status)
			.containsExactly(Status.PRESENT);
		assertThat(TestClients.recorder().names()).as("a second start lists and creates nothing")
			.containsExactly("listCollections");
		assertThat(template.schema().collections(IndexMode.VERIFY)).extracting(CollectionState::status)
			.containsExactly(Status.PRESENT);
	}

	@Test
	void anExistingUncappedCollectionIsReportedInOneWarnLineAndNeverConverted() {
		TestMongo.assumeRealMongoDb("capped collections");
		DjongoTemplate template = template("capped_different", Event.class);
		template.getDb().createCollection("capped_event");
		List<ILoggingEvent> log = SchemaLog.during(() -> assertThat(template.schema().collections(IndexMode.CREATE))
			.singleElement()
			.satisfies((state) -> {
				assertThat(state.status()).isEqualTo(Status.DIFFERENT);
				assertThat(state.detail()).startsWith("the collection is not capped (declared capped, maxSize 16384,"
						+ " maxDocuments 3); djongo does not convert a collection");
			}));
		assertThat(log).filteredOn((event) -> event.getLevel() == Level.WARN).singleElement()
			.extracting(ILoggingEvent::getFormattedMessage)
			.asString()
			.startsWith("djongo: the collection 'capped_event' of Event differs from its @Model: the collection is not"
					+ " capped");
		assertThat(options(template, "capped_event")).doesNotContainKey("capped");
		assertThat(template.schema().collectionState()).extracting(CollectionState::status)
			.containsExactly(Status.DIFFERENT);
		CheckReport report = template.schema().check(0);
		assertThat(report.hasDrift()).isTrue();
		assertThat(report.models()).filteredOn((model) -> model.model().equals("Event")).singleElement()
			.extracting(CheckReport.ModelCheck::collectionOptions)
			.asString()
			.startsWith("the collection is not capped");
		assertThatExceptionOfType(CollectionVerificationException.class)
			.isThrownBy(() -> template.schema().collections(IndexMode.VERIFY))
			.withMessageContaining("Event collection 'capped_event': DIFFERENT (the collection is not capped");
	}

	@Test
	void aCollectionCappedWithOtherLimitsIsReported() {
		TestMongo.assumeRealMongoDb("capped collections");
		DjongoTemplate template = template("capped_limits", Event.class);
		template.getDb().createCollection("capped_event",
				new com.mongodb.client.model.CreateCollectionOptions().capped(true).sizeInBytes(16384).maxDocuments(10));
		assertThat(template.schema().collections(IndexMode.CREATE)).singleElement()
			.satisfies((state) -> assertThat(state.detail()).isEqualTo("the collection is capped with size 16384,"
					+ " max 10 (declared capped, maxSize 16384, maxDocuments 3); it is left as it is"));
	}

	@Test
	void verifyModeCreatesNothingAndFailsOnAMissingCappedCollection() {
		TestMongo.assumeRealMongoDb("capped collections");
		DjongoTemplate template = template("capped_verify", Event.class);
		assertThatExceptionOfType(CollectionVerificationException.class)
			.isThrownBy(() -> template.schema().collections(IndexMode.VERIFY))
			.withMessageContaining("Event collection 'capped_event': MISSING");
		assertThat(options(template, "capped_event")).isNull();
	}

	@Test
	void migrateCreatesTheCappedCollection() {
		TestMongo.assumeRealMongoDb("capped collections");
		DjongoTemplate template = template("capped_migrate", Event.class, Book.class);
		MigrationReport report = template.schema().migrate(SchemaValidation.OFF, SchemaValidation.Level.STRICT);
		assertThat(report.createdCollections()).contains("capped_event", "idx_book");
		assertThat(options(template, "capped_event")).containsEntry("capped", true);
		assertThat(template.schema().check(0).hasDrift()).isFalse();
	}

	@Test
	void modelsWithoutCappedCollectionsCostNoCommand() {
		DjongoTemplate template = template("capped_none", Book.class);
		TestClients.recorder().clear();
		assertThat(template.schema().collections(IndexMode.CREATE)).isEmpty();
		assertThat(template.schema().collectionState()).isEmpty();
		assertThat(TestClients.recorder().names()).doesNotContain("listCollections", "create");
	}

	@Test
	void offModeSendsNothing() {
		DjongoTemplate template = template("capped_off", Event.class);
		TestClients.recorder().clear();
		assertThat(template.schema().collections(IndexMode.OFF)).isEmpty();
		assertThat(TestClients.recorder().names()).isEmpty();
	}

	@Test
	void theEmbeddedServerGetsNoCappedCollectionAndOneInfoLineSaysSo() {
		Assumptions.assumeTrue(TestMongo.isEmbedded(), "what the embedded server lacks");
		DjongoTemplate template = template("capped_embedded", Event.class);
		List<CollectionState> states = new ArrayList<>();
		List<ILoggingEvent> log = SchemaLog.during(() -> states.addAll(template.schema().collections(IndexMode.VERIFY)));
		assertThat(states).singleElement()
			.isEqualTo(new CollectionState("Event", "capped_event", Status.UNSUPPORTED,
					"the embedded server cannot create capped collections"));
		assertThat(log).filteredOn((event) -> event.getLevel() == Level.INFO).singleElement()
			.extracting(ILoggingEvent::getFormattedMessage)
			.asString()
			.isEqualTo("djongo: the embedded server cannot create capped collections; these are ordinary collections"
					+ " there (real MongoDB gets them capped, and tail() needs one): 'capped_event' of Event (maxSize"
					+ " 16384, maxDocuments 3)");
		assertThat(options(template, "capped_event")).isNull();
		template.insert(new Event(1));
		assertThat(template.schema().check(0).hasDrift()).as("not drift: the embedded server cannot do better")
			.isFalse();
		assertThat(template.schema().migrate(SchemaValidation.OFF, SchemaValidation.Level.STRICT).createdCollections())
			.doesNotContain("capped_event");
	}

}
