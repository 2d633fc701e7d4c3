package io.djongo.spring.core.bridge;

import java.util.List;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.model.Model;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.BsonDocument;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @Model(readConcern, writeConcern, readPreference)} on every command of the model, as the driver sends it
 * (seen by a command listener): {@code readConcern} on QuerySet evaluations and template reads, {@code writeConcern} on
 * inserts, saves, QuerySet updates and deletions. The read preference is not in a command sent to a standalone server
 * (the driver adds {@code $readPreference} for mongos and secondaries only), so it is checked on the collection the
 * template prepares.
 */
class ModelConcernsIntegrationTests {

	private final DjongoTemplate template = DjongoTestConfiguration.template(
			TestMongo.uniqueDatabaseName("concerns"), DjongoOptions.defaults().withWriteConcern(WriteConcern.W1));

	@BeforeEach
	void knowTheModels() {
		this.template.getConverter().getMappingContext().getRequiredPersistentEntity(Ledger.class);
		this.template.getConverter().getMappingContext().getRequiredPersistentEntity(Plain.class);
	}

	private static List<BsonDocument> sent(String name) {
		return TestClients.recorder().commands().stream().filter((c) -> c.getFirstKey().equals(name)).toList();
	}

	@Test
	void everyReadOfTheModelCarriesItsReadConcern() {
		this.template.insert(new Ledger(1L, "a"));
		TestClients.recorder().clear();
		assertThat(this.template.objects(Ledger.class).filter("text", "a").list()).hasSize(1);
		assertThat(this.template.objects(Ledger.class).count()).isEqualTo(1);
		assertThat(this.template.findById(1L, Ledger.class)).isNotNull();
		assertThat(this.template.find(Query.query(Criteria.where("text").is("a")), Ledger.class)).hasSize(1);
		assertThat(sent("find")).hasSize(3)
			.allSatisfy((find) -> assertThat(find.getDocument("readConcern")).isEqualTo(BsonDocument.parse(
					"{level: 'majority'}")));
		assertThat(sent("aggregate")).singleElement()
			.satisfies((count) -> assertThat(count.getDocument("readConcern").getString("level").getValue())
				.isEqualTo("majority"));
	}

	@Test
	void everyWriteOfTheModelCarriesItsWriteConcernOverTheTemplates() {
		TestClients.recorder().clear();
		Ledger ledger = this.template.insert(new Ledger(1L, "a"));
		ledger.text = "b";
		this.template.save(ledger);
		this.template.objects(Ledger.class).filter("pk", 1L).update("text", "c");
		this.template.deleteByIds(Ledger.class, List.of(1L));
		for (String name : List.of("insert", "update", "delete")) {
			assertThat(sent(name)).as(name).isNotEmpty()
				.allSatisfy((command) -> assertThat(command.getDocument("writeConcern"))
					.isEqualTo(BsonDocument.parse("{w: 'majority'}")));
		}
	}

	@Test
	void aModelWithoutConcernsKeepsTheTemplatesAndTheClients() {
		TestClients.recorder().clear();
		this.template.insert(new Plain(1L));
		assertThat(this.template.objects(Plain.class).list()).hasSize(1);
		assertThat(sent("insert")).singleElement()
			.satisfies((insert) -> assertThat(insert.getDocument("writeConcern")).isEqualTo(BsonDocument.parse(
					"{w: 1}")));
		assertThat(sent("find")).singleElement().satisfies((find) -> assertThat(find).doesNotContainKey("readConcern"));
	}

	@Test
	void theModelsCollectionIsPreparedWithItsReadPreference() {
		MongoCollection<Document> ledger = this.template.prepareCollection(this.template.getDb()
			.getCollection("concern_ledger"));
		assertThat(ledger.getReadPreference()).isEqualTo(ReadPreference.secondaryPreferred());
		assertThat(ledger.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
		assertThat(ledger.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
		MongoCollection<Document> plain = this.template.prepareCollection(this.template.getDb()
			.getCollection("concern_plain"));
		assertThat(plain.getReadPreference()).isEqualTo(ReadPreference.primary());
	}

	@Test
	void anUnknownConcernFailsNamingTheModelAndWhatIsAllowed() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.objects(Typo.class))
			.withMessage("Typo: @Model(readPreference = \"secondry\") is not one the driver knows; use primary,"
					+ " primaryPreferred, secondary, secondaryPreferred or nearest");
	}

	@org.springframework.data.mongodb.core.mapping.Document("concern_ledger")
	@Model(readConcern = "majority", writeConcern = "majority", readPreference = "secondaryPreferred")
	static class Ledger {

		@Id
		@Nullable Long id;

		@Nullable String text;

		Ledger(@Nullable Long id, @Nullable String text) {
			this.id = id;
			this.text = text;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("concern_plain")
	static class Plain {

		@Id
		@Nullable Long id;

		Plain(@Nullable Long id) {
			this.id = id;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("concern_typo")
	@Model(readPreference = "secondry")
	static class Typo {

		@Id
		@Nullable Long id;

	}

}
