package io.djongo.spring.core.schema.indexes;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.core.schema.IndexState;
import io.djongo.spring.core.schema.IndexState.Status;
import io.djongo.spring.core.schema.IndexVerificationException;
import io.djongo.spring.core.schema.indexes.Catalog.Book;
import io.djongo.spring.core.schema.indexes.Catalog.Session;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The index step on a server: missing indexes created once (unique then enforced), different ones reported and left
 * alone, verify mode failing, and the embedded server's gaps logged rather than failing.
 */
class IndexReconciliationIntegrationTests {

	private static DjongoTemplate template(String name, Class<?>... models) {
		return DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName(name), models);
	}

	private static Document stored(DjongoTemplate template, Class<?> model, String name) {
		return template.mongo(model).listIndexes().into(new ArrayList<>()).stream()
			.filter((index) -> name.equals(index.getString("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no index " + name));
	}

	@Test
	void createModeCreatesTheMissingIndexesOnceAndUniqueIsEnforced() {
		DjongoTemplate template = template("idx_create", Book.class);
		List<IndexState> states = template.schema().indexes(IndexMode.CREATE);
		assertThat(states).extracting(IndexState::name).containsExactly("shelf_position", "isbn", "code");
		assertThat(states).extracting(IndexState::status).containsOnly(Status.CREATED);
		template.insert(new Book("978-3-16", "A", 1));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> template.insert(new Book("978-3-16", "B", 1)));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> template.insert(new Book("978-0-00", "A", 1)));
		TestClients.recorder().clear();
		assertThat(template.schema().indexes(IndexMode.CREATE)).extracting(IndexState::status)
			.containsOnly(Status.PRESENT);
		assertThat(TestClients.recorder().names()).as("a second start lists and creates nothing")
			.containsExactly("listIndexes");
	}

	@Test
	void anIndexThatExistsWithOtherOptionsIsReportedInOneWarnLineAndLeftAsItIs() {
		DjongoTemplate template = template("idx_different", Book.class);
		template.mongo(Book.class).createIndex(new Document("isbn", 1), new com.mongodb.client.model.IndexOptions()
			.name("isbn"));
		List<ILoggingEvent> log = SchemaLog.during(() -> assertThat(template.schema().indexes(IndexMode.CREATE))
			.filteredOn((state) -> state.name().equals("isbn"))
			.singleElement()
			.satisfies((state) -> {
				assertThat(state.status()).isEqualTo(Status.DIFFERENT);
				assertThat(state.detail()).isEqualTo("unique: declared true, stored false");
			}));
		assertThat(log).filteredOn((event) -> event.getLevel() == Level.WARN).singleElement()
			.extracting(ILoggingEvent::getFormattedMessage)
			.asString()
			.contains("the index 'isbn' of Book (collection 'idx_book', @Indexed isbn) differs from its declaration:"
					+ " unique: declared true, stored false; it is left as it is");
		assertThat(stored(template, Book.class, "isbn")).doesNotContainKey("unique");
	}

	@Test
	void verifyModeCreatesNothingAndFailsNamingEachMissingOrDifferentIndex() {
		DjongoTemplate template = template("idx_verify", Book.class);
		template.mongo(Book.class).createIndex(new Document("isbn", 1), new com.mongodb.client.model.IndexOptions()
			.name("isbn"));
		assertThatExceptionOfType(IndexVerificationException.class)
			.isThrownBy(() -> template.schema().indexes(IndexMode.VERIFY))
			.withMessageContaining("Book index 'shelf_position' {\"shelf\": 1, \"position\": 1} on 'idx_book': MISSING")
			.withMessageContaining("Book index 'isbn' {\"isbn\": 1} on 'idx_book': DIFFERENT (unique: declared"
					+ " true, stored false)")
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(3));
		assertThat(template.mongo(Book.class).listIndexes().into(new ArrayList<>())).hasSize(2);
		template.schema().indexes(IndexMode.CREATE);
		template.mongo(Book.class).dropIndex("isbn");
		template.schema().indexes(IndexMode.CREATE);
		assertThat(template.schema().indexes(IndexMode.VERIFY)).extracting(IndexState::status)
			.containsOnly(Status.PRESENT);
	}

	@Test
	void offModeSendsNothing() {
		DjongoTemplate template = template("idx_off", Book.class);
		TestClients.recorder().clear();
		assertThat(template.schema().indexes(IndexMode.OFF)).isEmpty();
		assertThat(TestClients.recorder().names()).isEmpty();
	}

	@Test
	void theEmbeddedServerGetsNoTtlOrTextIndexAndOneInfoLineSaysSo() {
		org.junit.jupiter.api.Assumptions.assumeTrue(TestMongo.isEmbedded(), "what the embedded server lacks");
		DjongoTemplate template = template("idx_embedded", Session.class);
		List<ILoggingEvent> log = SchemaLog.during(() -> assertThat(template.schema().indexes(IndexMode.CREATE))
			.extracting(IndexState::status)
			.containsOnly(Status.UNSUPPORTED));
		assertThat(log).filteredOn((event) -> event.getLevel() == Level.INFO).singleElement()
			.extracting(ILoggingEvent::getFormattedMessage)
			.asString()
			.contains("the embedded server cannot serve these indexes")
			.contains("'lastSeen' {\"lastSeen\": 1} on 'idx_session' (TTL")
			.contains("'Session_TextIndex'");
		assertThat(template.mongo(Session.class).listIndexes().into(new ArrayList<>()))
			.noneMatch((index) -> !"_id_".equals(index.getString("name")));
	}

	@Test
	void mongoDbGetsTtlAndTextIndexes() {
		TestMongo.assumeRealMongoDb("TTL and text indexes the server serves");
		DjongoTemplate template = template("idx_real", Session.class);
		assertThat(template.schema().indexes(IndexMode.CREATE)).extracting(IndexState::status)
			.containsOnly(Status.CREATED);
		assertThat(stored(template, Session.class, "lastSeen")).containsEntry("expireAfterSeconds", 3600);
		assertThat(template.schema().indexes(IndexMode.VERIFY)).extracting(IndexState::status)
			.as("the stored text index ({_fts, _ftsx} and weights) is the declared one")
			.containsOnly(Status.PRESENT);
	}

}
