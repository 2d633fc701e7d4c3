package io.djongo.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.schema.EnforceSchemaCallback;
import io.djongo.spring.core.schema.MigrationException;
import io.djongo.spring.core.schema.ModelValidator;
import io.djongo.spring.test.TestMongo;
import jakarta.validation.constraints.NotBlank;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The model beans: validation before writes, enforce-schema from {@code djongo.enforce-schema}, ids, conversions.
 */
class DjongoModelsAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class, ValidationAutoConfiguration.class))
		.withPropertyValues("djongo.name=" + TestMongo.uniqueDatabaseName("models"),
				"djongo.client.host=" + TestMongo.uri());

	@Test
	void validatesModelsBeforeEveryWriteWithBootsValidator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ModelValidator.class).hasSingleBean(EnforceSchemaCallback.class);
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			assertThat(template.getModelValidator()).isSameAs(context.getBean(ModelValidator.class));
			assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> template.insert(new Note("")))
				.withMessageContaining("text: must not be blank");
			assertThat(template.insert(new Note("fine")).id).isPositive();
			template.getDb().drop();
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAModelValidator() {
		ModelValidator own = new ModelValidator(null);
		this.contextRunner.withBean(ModelValidator.class, () -> own).run((context) -> {
			assertThat(context.getBean(ModelValidator.class)).isSameAs(own);
			assertThat(context.getBean(DjongoTemplate.class).getModelValidator()).isSameAs(own);
		});
	}

	@Test
	void enforcesTheSchemaWhenTheSettingSaysSo() {
		this.contextRunner.withPropertyValues("djongo.enforce-schema=true").run((context) -> {
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			template.mongo(Note.class).insertOne(new Document("_id", 1L));
			assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> template.findById(1L, Note.class))
				.withMessageContaining("lacks fields of model Note: text");
			template.getDb().drop();
		});
		this.contextRunner.run((context) -> {
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			template.mongo(Note.class).insertOne(new Document("_id", 1L));
			assertThat(template.findById(1L, Note.class).text).isNull();
			template.getDb().drop();
		});
	}

	@Test
	void storesFieldTypesTheDjongoWay() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(MongoCustomConversions.class).hasCustomWriteTarget(OffsetDateTime.class))
				.isTrue();
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			Note note = new Note("price");
			note.price = new BigDecimal("0.10");
			template.insert(note);
			assertThat(template.mongo(Note.class).find().first().get("price"))
				.isEqualTo(new Decimal128(new BigDecimal("0.10")));
			template.getDb().drop();
		});
	}

	@Test
	void storesModelsAsDjangoDoesWhenTheStorageSettingSaysSo() {
		this.contextRunner.withPropertyValues("djongo.storage=django").run((context) -> {
			assertThat(context.getBean(DjongoMappingContext.class).storageOf(Note.class)).isEqualTo(Storage.DJANGO);
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			template.insert(new Note("first"));
			Document stored = template.mongo(Note.class).find().first();
			assertThat(stored).containsEntry("id", 1).containsEntry("price", null).doesNotContainKey("_class");
			assertThat(stored.get("_id")).isInstanceOf(org.bson.types.ObjectId.class);
			assertThat(template.findById(1L, Note.class).text).isEqualTo("first");
			template.getDb().drop();
		});
		this.contextRunner.run((context) -> assertThat(context.getBean(DjongoMappingContext.class).storageOf(Note.class))
			.isEqualTo(Storage.NATIVE));
	}

	@Test
	void dateLookupsComputeInTheTimeZoneProperty() {
		this.contextRunner.withPropertyValues("djongo.time-zone=Europe/Paris")
			.run((context) -> assertThat(monthLookup(context.getBean(DjongoTemplate.class)))
				.contains("timezone=Europe/Paris"));
		this.contextRunner
			.run((context) -> assertThat(monthLookup(context.getBean(DjongoTemplate.class)))
				.contains("timezone=UTC"));
	}

	private static String monthLookup(DjongoTemplate template) {
		// the command as its Java values stand: a rendering to JSON would need codecs for them
		return String.valueOf(template.objects(Note.class).filter("written__month", 6).command());
	}

	@org.springframework.data.mongodb.core.mapping.Document("note")
	static class Note {

		@Id
		@Nullable Long id;

		@NotBlank
		@Nullable String text;

		@Nullable BigDecimal price;

		@Nullable Instant written;

		Note(@Nullable String text) {
			this.text = text;
		}

	}

}
