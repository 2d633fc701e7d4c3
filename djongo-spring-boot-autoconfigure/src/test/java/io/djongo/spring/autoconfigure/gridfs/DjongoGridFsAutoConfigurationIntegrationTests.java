package io.djongo.spring.autoconfigure.gridfs;

import java.nio.charset.StandardCharsets;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.gridfs.FileField;
import io.djongo.spring.core.gridfs.FileFieldCallbacks;
import io.djongo.spring.core.gridfs.GridFsStorage;
import io.djongo.spring.core.gridfs.StoredFile;
import io.djongo.spring.test.TestMongo;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;

class DjongoGridFsAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class, DjongoGridFsAutoConfiguration.class))
		.withPropertyValues("djongo.client.host=" + TestMongo.uri());

	@Test
	void providesTheDefaultStorageOnBucketFs() {
		this.contextRunner.withPropertyValues("djongo.name=gridfs").run((context) -> {
			assertThat(context).hasSingleBean(GridFsStorage.class)
				.hasBean(GridFsStorage.DEFAULT_BEAN_NAME)
				.hasSingleBean(FileFieldCallbacks.class);
			assertThat(context.getBean(GridFsStorage.class).getBucket()).isEqualTo("fs");
		});
	}

	@Test
	void namesTheDefaultBucketByProperty() {
		this.contextRunner.withPropertyValues("djongo.name=gridfs", "djongo.gridfs.bucket=media")
			.run((context) -> assertThat(context.getBean(GridFsStorage.class).getBucket()).isEqualTo("media"));
	}

	@Test
	void keepsTheDefaultStorageNextToTheApplicationsStorages() {
		this.contextRunner.withPropertyValues("djongo.name=gridfs")
			.withBean("avatars", GridFsStorage.class, () -> new GridFsStorage("myfiles"))
			.run((context) -> {
				assertThat(context.getBeansOfType(GridFsStorage.class)).containsOnlyKeys("avatars",
						GridFsStorage.DEFAULT_BEAN_NAME);
				assertThat(context.getBean("avatars", GridFsStorage.class).getBucket()).isEqualTo("myfiles");
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheDefaultStorage() {
		this.contextRunner.withPropertyValues("djongo.name=gridfs")
			.withBean(GridFsStorage.DEFAULT_BEAN_NAME, GridFsStorage.class, () -> new GridFsStorage("own"))
			.run((context) -> assertThat(context.getBean(GridFsStorage.class).getBucket()).isEqualTo("own"));
	}

	@Test
	void registersTheStoredFileConverters() {
		this.contextRunner.withPropertyValues("djongo.name=gridfs").run((context) -> {
			MongoCustomConversions conversions = context.getBean(MongoCustomConversions.class);
			assertThat(conversions.hasCustomWriteTarget(StoredFile.class)).isTrue();
			assertThat(conversions.hasCustomReadTarget(org.bson.Document.class, StoredFile.class)).isTrue();
		});
	}

	@Test
	void savingAModelUploadsItsFileToTheDefaultBucket() {
		String database = TestMongo.uniqueDatabaseName("gridfs_autoconf");
		this.contextRunner.withPropertyValues("djongo.name=" + database, "djongo.gridfs.bucket=uploads")
			.run((context) -> {
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				Attachment attachment = new Attachment();
				attachment.file = StoredFile.of(new ByteArrayResource("hi".getBytes(StandardCharsets.UTF_8)),
						"hi.txt", null);
				template.save(attachment);

				assertThat(attachment.file.getName()).isEqualTo("files/hi.txt");
				assertThat(context.getBean(GridFsStorage.class).exists("files/hi.txt")).isTrue();
				assertThat(template.getDb().getCollection("uploads.files").countDocuments()).isEqualTo(1);
				Attachment read = template.findById(attachment.id, Attachment.class);
				assertThat(read.file.getResource().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("hi");
				template.getDb().drop();
			});
	}

	@Document("attachment")
	static class Attachment {

		@Id
		@Nullable ObjectId id;

		@FileField(uploadTo = "files")
		@Nullable StoredFile file;

	}

}
