package io.djongo.spring.core.schema.indexes;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.mongodb.MongoWriteException;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.schema.CheckReport;
import io.djongo.spring.core.schema.MigrationReport;
import io.djongo.spring.core.schema.SchemaValidation;
import io.djongo.spring.core.schema.ValidatorState;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Validators, migrate and check on a server. MongoDB enforces the generated {@code $jsonSchema} (a raw write that
 * breaks it is refused with code 121) and a changed model's schema is applied with {@code collMod} after a diff; the
 * embedded server accepts validators without enforcing them, so djongo sends none there.
 */
class SchemaValidationIntegrationTests {

	private static DjongoTemplate template(String name) {
		return DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName(name), Note.class);
	}

	@Test
	void mongoDbRefusesARawWriteThatBreaksTheModelsSchema() {
		TestMongo.assumeRealMongoDb("$jsonSchema validators are enforced");
		DjongoTemplate template = template("validator_enforced");
		assertThat(template.schema().validators(SchemaValidation.ERROR, SchemaValidation.Level.STRICT))
			.extracting(ValidatorState::status)
			.containsExactly(ValidatorState.Status.CREATED);
		template.mongo(Note.class).insertOne(new Document("_id", 1L).append("title", "fine"));
		assertThatExceptionOfType(MongoWriteException.class)
			.isThrownBy(() -> template.mongo(Note.class).insertOne(new Document("_id", 2L).append("title", 42)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(121));
		assertThatExceptionOfType(MongoWriteException.class)
			.isThrownBy(() -> template.mongo(Note.class).insertOne(new Document("_id", 3L)))
			.as("title is required");
		assertThat(template.schema().validators(SchemaValidation.ERROR, SchemaValidation.Level.STRICT))
			.extracting(ValidatorState::status)
			.containsExactly(ValidatorState.Status.UNCHANGED);
	}

	@Test
	void aChangedSchemaIsReportedAsADiffThenAppliedWithCollMod() {
		TestMongo.assumeRealMongoDb("collMod and listCollections' validator");
		DjongoTemplate template = template("validator_changed");
		template.mongo(Note.class).insertOne(new Document("_id", 1L).append("title", "old"));
		template.command(new Document("collMod", "schema_note").append("validator", new Document("$jsonSchema",
				new Document("bsonType", "object").append("properties", new Document("title",
						new Document("bsonType", "string").append("maxLength", 10))))));
		List<ILoggingEvent> log = SchemaLog.during(() -> assertThat(template.schema()
			.validators(SchemaValidation.WARN, SchemaValidation.Level.MODERATE)).singleElement()
			.satisfies((state) -> {
				assertThat(state.status()).isEqualTo(ValidatorState.Status.MODIFIED);
				assertThat(state.changes()).contains("~ $jsonSchema.properties.title.maxLength: 10 -> 80");
				assertThat(state.changes()).anyMatch((line) -> line.startsWith("~ validationAction:")
						&& line.endsWith("-> warn"));
			}));
		assertThat(log).filteredOn((event) -> event.getLevel() == Level.INFO)
			.extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy((line) -> assertThat(line).startsWith("djongo: the validator of Note (collection"
					+ " 'schema_note') changes:").contains("maxLength: 10 -> 80"));
		Document options = template.getDb().listCollections().filter(new Document("name", "schema_note")).first()
			.get("options", Document.class);
		assertThat(options.getString("validationAction")).isEqualTo("warn");
	}

	@Test
	void theEmbeddedServerGetsNoValidator() {
		org.junit.jupiter.api.Assumptions.assumeTrue(TestMongo.isEmbedded(), "the embedded server's behaviour");
		DjongoTemplate template = template("validator_embedded");
		TestClients.recorder().clear();
		assertThat(template.schema().validators(SchemaValidation.ERROR, SchemaValidation.Level.STRICT))
			.extracting(ValidatorState::status)
			.containsExactly(ValidatorState.Status.SKIPPED);
		assertThat(TestClients.recorder().names()).doesNotContain("create", "collMod");
	}

	@Test
	void migrateCreatesCollectionsAndIndexes() {
		DjongoTemplate template = template("migrate");
		MigrationReport report = template.schema().migrate(SchemaValidation.OFF, SchemaValidation.Level.STRICT);
		assertThat(report.createdCollections()).containsExactly("schema_note");
		assertThat(report.validators()).isEmpty();
		assertThat(report.sharded()).as("not a sharded cluster").isEmpty();
		assertThat(template.mongo(Note.class).listIndexes().into(new ArrayList<>()))
			.anySatisfy((index) -> assertThat(index).containsEntry("name", "title"));
		assertThat(template.schema().migrate(SchemaValidation.OFF, SchemaValidation.Level.STRICT).createdCollections())
			.as("a second migration creates nothing").isEmpty();
	}

	@Test
	void migrateOnMongoDbCreatesTheCollectionWithItsValidator() {
		TestMongo.assumeRealMongoDb("validators");
		DjongoTemplate template = template("migrate_validator");
		MigrationReport report = template.schema().migrate(SchemaValidation.ERROR, SchemaValidation.Level.STRICT);
		assertThat(report.validators()).extracting(ValidatorState::status)
			.containsExactly(ValidatorState.Status.UNCHANGED);
		assertThatExceptionOfType(MongoWriteException.class)
			.isThrownBy(() -> template.mongo(Note.class).insertOne(new Document("_id", 2L).append("title", 42)));
	}

	@Test
	void checkReadsAllDocumentsOrASample() {
		DjongoTemplate template = template("check");
		List<Document> documents = new ArrayList<>();
		for (long i = 1; i <= 20; i++) {
			documents.add(new Document("_id", i).append("title", (i % 4 == 0) ? (Object) i : "t" + i));
		}
		template.mongo(Note.class).insertMany(documents);
		CheckReport all = template.schema().check(0);
		assertThat(all.models()).singleElement().satisfies((model) -> {
			assertThat(model.examined()).isEqualTo(20);
			assertThat(model.fields()).singleElement().satisfies((field) -> {
				assertThat(field.kind()).isEqualTo(CheckReport.FieldDrift.Kind.TYPE_MISMATCH);
				assertThat(field.count()).isEqualTo(5);
				assertThat(field.ids()).containsExactly(4L, 8L, 12L);
			});
		});
		assertThat(template.schema().check(6).models().get(0).examined()).isEqualTo(6);
		assertThat(template.schema().lastCheck()).isNotNull();
	}

	@org.springframework.data.mongodb.core.mapping.Document("schema_note")
	static class Note {

		@Id
		@Nullable Long id;

		@Indexed
		@NotNull
		@Size(max = 80)
		@Nullable String title;

	}

}
