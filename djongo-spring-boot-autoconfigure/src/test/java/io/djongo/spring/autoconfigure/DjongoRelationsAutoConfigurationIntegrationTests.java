package io.djongo.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.autoconfigure.schema.DjongoSchemaAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.InvalidRelationException;
import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.relation.OneToOne;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.MongoManagedTypes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Relations at start-up: on_delete rules checked over the scanned models, one-to-one indexes created, unsaved
 * related objects refused on save.
 */
class DjongoRelationsAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class, DjongoSchemaAutoConfiguration.class,
				MongoAutoConfiguration.class, DataMongoAutoConfiguration.class))
		.withPropertyValues("djongo.client.host=" + TestMongo.uri());

	@Test
	void createsOneToOneIndexesAtStartUpAndRefusesUnsavedRelatedObjects() {
		this.contextRunner.withPropertyValues("djongo.name=" + TestMongo.uniqueDatabaseName("relations"))
			.withBean(MongoManagedTypes.class, () -> MongoManagedTypes.from(Writer.class, Profile.class))
			.run((context) -> {
				assertThat(context).hasBean("djongoRelationSetup");
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				List<Document> indexes = template.mongo(Profile.class).listIndexes().into(new ArrayList<>());
				assertThat(indexes).anySatisfy((index) -> assertThat(index)
					.containsEntry("key", new Document("writer_id", 1))
					.containsEntry("unique", true)
					.containsEntry("sparse", true));
				Writer ann = template.insert(new Writer("Ann"));
				template.insert(new Profile(ann));
				assertThatExceptionOfType(DuplicateKeyException.class)
					.isThrownBy(() -> template.insert(new Profile(ann)));
				assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
					.isThrownBy(() -> template.insert(new Profile(new Writer("unsaved"))))
					.withMessage("save() prohibited to prevent data loss due to unsaved related object 'writer'.");
				template.getDb().drop();
			});
	}

	@Test
	void startUpFailsNamingModelAndFieldWhenSetNullCannotBeHonoured() {
		this.contextRunner.withPropertyValues("djongo.name=" + TestMongo.uniqueDatabaseName("relations"))
			.withBean(MongoManagedTypes.class, () -> MongoManagedTypes.from(Writer.class, Badge.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidRelationException.class)
				.hasMessageStartingWith("Badge.writer: on_delete SET_NULL needs a field that can be null"));
	}

	@Test
	void backsOffWhenTheUserDefinesMongoOperations() {
		this.contextRunner.withPropertyValues("djongo.name=x")
			.withBean("userTemplate", MongoTemplate.class,
					() -> new MongoTemplate(new SimpleMongoClientDatabaseFactory(TestUris.withDatabase("x"))))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("djongoRelationSetup"));
	}

	@org.springframework.data.mongodb.core.mapping.Document("rel_writer")
	static class Writer {

		@Id
		@Nullable Long id;

		@Nullable String name;

		Writer(@Nullable String name) {
			this.name = name;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("rel_profile")
	static class Profile {

		@Id
		@Nullable Long id;

		@OneToOne(onDelete = OnDelete.CASCADE)
		@Nullable Writer writer;

		Profile(@Nullable Writer writer) {
			this.writer = writer;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("rel_badge")
	static class Badge {

		@Id
		@Nullable Long id;

		@ForeignKey(onDelete = OnDelete.SET_NULL, nullable = false)
		@Nullable Writer writer;

	}

}
