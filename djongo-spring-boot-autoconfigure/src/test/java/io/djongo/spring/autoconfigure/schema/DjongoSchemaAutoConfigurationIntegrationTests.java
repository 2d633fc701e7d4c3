package io.djongo.spring.autoconfigure.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.schema.CheckReport;
import io.djongo.spring.core.schema.CollectionVerificationException;
import io.djongo.spring.core.schema.IndexVerificationException;
import io.djongo.spring.core.schema.InvalidIndexException;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.MongoManagedTypes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema at start-up and the two commands: unique enforced by default, Spring Data's lazy index creation off,
 * verify and bad declarations failing start-up, {@code --djongo.migrate} and {@code --djongo.check} running and
 * ending the application with their exit codes.
 */
class DjongoSchemaAutoConfigurationIntegrationTests {

	private final List<Integer> exits = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class, DjongoSchemaAutoConfiguration.class,
				MongoAutoConfiguration.class, DataMongoAutoConfiguration.class))
		.withPropertyValues("djongo.client.host=" + TestMongo.uri())
		.withBean(DjongoExit.class, () -> this.exits::add);

	private ApplicationContextRunner database(String name) {
		return database(name, Member.class);
	}

	private ApplicationContextRunner database(String name, Class<?> model) {
		return this.contextRunner.withPropertyValues("djongo.name=" + TestMongo.uniqueDatabaseName(name))
			.withBean(MongoManagedTypes.class, () -> MongoManagedTypes.from(model));
	}

	@Test
	void uniqueIsEnforcedByDefaultFromTheStart() {
		database("schema_unique").run((context) -> {
			assertThat(context).hasBean("djongoSchemaSetup").doesNotHaveBean("djongoMigrateRunner");
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			template.insert(new Member("ann@example.com"));
			assertThatExceptionOfType(DuplicateKeyException.class)
				.isThrownBy(() -> template.insert(new Member("ann@example.com")));
			template.getDb().drop();
		});
	}

	@Test
	void springDataCreatesNoIndexOfItsOwnEvenWhenAskedTo() {
		database("schema_spring_off")
			.withPropertyValues("spring.data.mongodb.auto-index-creation=true", "djongo.indexes=off")
			.run((context) -> {
				assertThat(context.getBean(MongoMappingContext.class).isAutoIndexCreation()).isFalse();
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				template.insert(new Member("ann@example.com"));
				template.insert(new Member("ann@example.com"));
				assertThat(template.mongo(Member.class).listIndexes().into(new ArrayList<>()))
					.extracting((index) -> index.getString("name"))
					.containsExactly("_id_");
				template.getDb().drop();
			});
	}

	@Test
	void verifyFailsStartUpNamingTheMissingIndex() {
		database("schema_verify").withPropertyValues("djongo.indexes=verify")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(IndexVerificationException.class)
				.hasMessageContaining("Member index 'email' {\"email\": 1} on 'schema_member': MISSING"));
	}

	@Test
	void aBadIndexDeclarationFailsStartUpNamingModelAndField() {
		database("schema_bad", BadTtl.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidIndexException.class)
				.hasMessageStartingWith("BadTtl.name: a TTL index (expireAfter) @Indexed name needs a date field"));
	}

	@Test
	void migrateCreatesTheCollectionsAndIndexesThenExitsWithZeroEvenWhenStartUpVerifies() {
		database("schema_migrate").withPropertyValues("djongo.migrate=", "djongo.indexes=verify").run((context) -> {
			assertThat(context).hasNotFailed();
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			assertThat(template.getCollectionNames()).doesNotContain("schema_member");
			context.getBean("djongoMigrateRunner", ApplicationRunner.class)
				.run(new DefaultApplicationArguments("--djongo.migrate"));
			assertThat(this.exits).containsExactly(0);
			assertThat(template.getCollectionNames()).contains("schema_member");
			assertThat(template.mongo(Member.class).listIndexes().into(new ArrayList<>()))
				.anySatisfy((index) -> assertThat(index).containsEntry("name", "email").containsEntry("unique", true));
			template.getDb().drop();
		});
	}

	@Test
	void checkReportsDriftAndAStrictCheckExitsWithTwo() {
		database("schema_check").withPropertyValues("djongo.check=strict", "djongo.check.sample-size=10")
			.run((context) -> {
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				template.mongo(Member.class).insertMany(List.of(new Document("_id", 1L).append("email", "a@x"),
						new Document("_id", 2L).append("email", 7).append("legacy", true)));
				ApplicationRunner check = context.getBean("djongoCheckRunner", ApplicationRunner.class);
				check.run(new DefaultApplicationArguments("--djongo.check=strict"));
				check.run(new DefaultApplicationArguments("--djongo.check"));
				assertThat(this.exits).containsExactly(DjongoCheckRunner.DRIFT, 0);
				assertThat(template.schema().lastCheck()).isNotNull();
				assertThat(DjongoCheckRunner.format(template.schema().lastCheck()))
					.contains("Member (collection 'schema_member', 2 documents): drift")
					.contains("email: 1 with another type: expected string or null, found int, e.g. _id 2")
					.contains("legacy: 1 with a field the model does not declare, e.g. _id 2");
				template.getDb().drop();
			});
	}

	@Test
	void theBareCheckSwitchBinds() {
		database("schema_switch")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SimpleCommandLinePropertySource("--djongo.check", "--djongo.migrate")))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("djongoCheckRunner")
				.hasBean("djongoMigrateRunner"));
	}

	@Test
	void aCappedModelsCollectionIsCreatedCappedAtStartOnMongoDBAndSkippedOnTheEmbeddedServer() {
		database("schema_capped", Event.class).run((context) -> {
			assertThat(context).hasNotFailed();
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			Document found = template.getDb().listCollections().filter(new Document("name", "schema_event")).first();
			if (TestMongo.isEmbedded()) {
				assertThat(found).as("the embedded server cannot create capped collections").isNull();
			}
			else {
				assertThat(found).isNotNull();
				assertThat(found.get("options", Document.class)).containsEntry("capped", true);
			}
			template.getDb().drop();
		});
	}

	@Test
	void verifyFailsStartUpNamingACappedModelOverAnUncappedCollection() {
		TestMongo.assumeRealMongoDb("capped collections");
		String name = TestMongo.uniqueDatabaseName("schema_capped_verify");
		try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(TestMongo.uri())) {
			client.getDatabase(name).createCollection("schema_event");
		}
		this.contextRunner.withPropertyValues("djongo.name=" + name, "djongo.indexes=verify")
			.withBean(MongoManagedTypes.class, () -> MongoManagedTypes.from(Event.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(CollectionVerificationException.class)
				.hasMessageContaining("Event collection 'schema_event': DIFFERENT (the collection is not capped"));
	}

	@Test
	void theCheckReportNamesACollectionThatIsNotAsDeclared() {
		CheckReport report = new CheckReport(List.of(new CheckReport.ModelCheck("Event", "schema_event", 2, List.of(),
				"the collection is not capped (declared capped, maxSize 4096)")), 0, Instant.now());
		assertThat(report.hasDrift()).isTrue();
		assertThat(DjongoCheckRunner.format(report)).isEqualTo("""
				djongo check (every document): the documents drift from the models
				  Event (collection 'schema_event', 2 documents): drift
				    (collection): the collection is not capped (declared capped, maxSize 4096)""");
	}

	@org.springframework.data.mongodb.core.mapping.Document("schema_event")
	@Model(capped = true, maxSize = 4096)
	static class Event {

		@Id
		@Nullable String id;

	}

	@org.springframework.data.mongodb.core.mapping.Document("schema_member")
	static class Member {

		@Id
		@Nullable Long id;

		@Indexed(unique = true)
		@Nullable String email;

		Member(@Nullable String email) {
			this.email = email;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("schema_bad_ttl")
	static class BadTtl {

		@Id
		@Nullable Long id;

		@Indexed(expireAfterSeconds = 60)
		@Nullable String name;

	}

}
