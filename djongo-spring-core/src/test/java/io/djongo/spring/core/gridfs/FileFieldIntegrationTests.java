package io.djongo.spring.core.gridfs;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import jakarta.validation.constraints.NotBlank;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * File and image fields against the test server: upload on save, names, images, replace and delete rules.
 */
@SpringJUnitConfig
class FileFieldIntegrationTests {

	@Autowired
	ProfileRepository profiles;

	@Autowired
	DjongoTemplate djongo;

	@Autowired
	GridFsStorage gridFsStorage;

	@Autowired
	@Qualifier("avatars")
	GridFsStorage avatars;

	@BeforeEach
	void emptyCollectionsAndBuckets() {
		this.profiles.mongoDeleteMany(new Document());
		for (String bucket : List.of("fs", "avatars_bucket")) {
			GridFSBuckets.create(this.djongo.getDb(), bucket).drop();
		}
	}

	@Test
	void savingUploadsAPendingFileAndStoresItsIdAndName() throws IOException {
		Profile profile = new Profile("ada");
		profile.cv = StoredFile.of(new ByteArrayResource(bytes("curriculum")), "My CV.pdf", null);
		assertThat(profile.cv.isPending()).isTrue();

		Profile saved = this.profiles.save(profile);

		StoredFile cv = saved.cv;
		assertThat(cv.isPending()).isFalse();
		assertThat(cv.getName()).isEqualTo("cv/My_CV.pdf");
		assertThat(cv.getSize()).isEqualTo(10);
		assertThat(cv.getContentType()).isEqualTo("application/pdf");
		assertThat(cv.getUploadDate()).isNotNull();
		Document stored = this.profiles.mongoFindOne(Filters.eq("_id", saved.id)).orElseThrow().get("cv", Document.class);
		assertThat(stored).containsEntry("id", cv.getId()).containsEntry("name", "cv/My_CV.pdf").containsEntry("size", 10L);
		assertThat(this.gridFsStorage.find("cv/My_CV.pdf")).get().extracting(StoredFile::getId).isEqualTo(cv.getId());
		try (InputStream content = cv.open()) {
			assertThat(content).hasBinaryContent(bytes("curriculum"));
		}
	}

	@Test
	void readingAModelBindsItsFilesWithoutQueryingGridFs() throws IOException {
		Profile profile = new Profile("bob");
		profile.cv = StoredFile.of(new ByteArrayInputStream(bytes("hello")), "hello.txt", "text/plain");
		ObjectId id = this.profiles.save(profile).id;

		TestClients.recorder().clear();
		Profile read = this.profiles.findById(id).orElseThrow();
		assertThat(TestClients.recorder().names()).containsExactly("find");

		assertThat(read.cv.getName()).isEqualTo("cv/hello.txt");
		assertThat(read.cv.getContentType()).isEqualTo("text/plain");
		StoredFileResource resource = read.cv.getResource();
		assertThat(resource.contentLength()).isEqualTo(5);
		assertThat(resource.getFilename()).isEqualTo("hello.txt");
		assertThat(resource.getContentType()).isEqualTo("text/plain");
		assertThat(resource.lastModified()).isEqualTo(read.cv.getUploadDate().toEpochMilli());
		// re-readable, unlike Spring Data's GridFsResource
		assertThat(resource.getContentAsByteArray()).isEqualTo(bytes("hello"));
		assertThat(resource.getContentAsByteArray()).isEqualTo(bytes("hello"));
	}

	@Test
	void typedBridgeCallsAndQuerySetsBindFilesToo() throws IOException {
		Profile profile = new Profile("cy");
		profile.cv = StoredFile.of(new ByteArrayResource(bytes("q")), "q.txt", null);
		this.profiles.save(profile);

		Profile viaBridge = this.profiles.mongoFindOne(Filters.eq("name", "cy"), Profile.class).orElseThrow();
		Profile viaQuerySet = this.profiles.objects().filter("name", "cy").first().orElseThrow();

		try (InputStream a = viaBridge.cv.open(); InputStream b = viaQuerySet.cv.open()) {
			assertThat(a).hasBinaryContent(bytes("q"));
			assertThat(b).hasBinaryContent(bytes("q"));
		}
	}

	@Test
	void nameCollisionsGetARandomSuffixAsInDjango() {
		Profile first = new Profile("one");
		first.cv = StoredFile.of(new ByteArrayResource(bytes("1")), "report.txt", null);
		Profile second = new Profile("two");
		second.cv = StoredFile.of(new ByteArrayResource(bytes("2")), "report.txt", null);

		this.profiles.save(first);
		this.profiles.save(second);

		assertThat(first.cv.getName()).isEqualTo("cv/report.txt");
		assertThat(second.cv.getName()).matches("cv/report_[A-Za-z0-9]{7}\\.txt");
		assertThat(this.gridFsStorage.getAvailableName("cv/report.txt")).matches("cv/report_[A-Za-z0-9]{7}\\.txt");
	}

	@Test
	void userFileNamesAreMadeSafe() {
		Profile profile = new Profile("eve");
		profile.cv = StoredFile.of(new ByteArrayResource(bytes("x")), "../../etc/pass wd?.txt", null);

		this.profiles.save(profile);

		assertThat(profile.cv.getName()).isEqualTo("cv/pass_wd.txt");
	}

	@Test
	void aFileNameWithNothingUsableIsRejectedAndNothingIsWritten() {
		Profile profile = new Profile("mallory");
		profile.cv = StoredFile.of(new ByteArrayResource(bytes("x")), "???", null);

		assertThatExceptionOfType(InvalidFileException.class).isThrownBy(() -> this.profiles.save(profile))
			.withMessageContaining("Profile.cv")
			.withMessageContaining("'???'")
			.withMessageContaining("letters, digits");
		assertThat(this.profiles.mongoCountDocuments()).isZero();
		assertThat(bucketFileCount("fs")).isZero();
	}

	@Test
	void imageFieldRecordsWidthAndHeight() throws IOException {
		Profile profile = new Profile("pic");
		profile.avatar = StoredFile.of(new ByteArrayResource(png(40, 30)), "face.png", null);

		this.profiles.save(profile);

		assertThat(profile.avatar.getWidth()).isEqualTo(40);
		assertThat(profile.avatar.getHeight()).isEqualTo(30);
		assertThat(profile.avatar.getContentType()).isEqualTo("image/png");
		assertThat(profile.avatar.getName()).isEqualTo("avatars/face.png");
		assertThat(this.avatars.exists("avatars/face.png")).isTrue();
		assertThat(this.gridFsStorage.exists("avatars/face.png")).as("stored in the field's own bucket").isFalse();
		Profile read = this.profiles.findById(profile.id).orElseThrow();
		assertThat(read.avatar.getWidth()).isEqualTo(40);
		assertThat(read.avatar.getHeight()).isEqualTo(30);
	}

	@Test
	void imageFieldRejectsContentThatIsNoImageAndDeletesTheUpload() {
		Profile profile = new Profile("fake");
		profile.cv = StoredFile.of(new ByteArrayResource(bytes("fine")), "fine.txt", null);
		profile.avatar = StoredFile.of(new ByteArrayResource(bytes("not a png at all")), "face.png", "image/png");

		assertThatExceptionOfType(InvalidFileException.class).isThrownBy(() -> this.profiles.save(profile))
			.withMessageContaining("Profile.avatar")
			.withMessageContaining("'face.png' is not an image")
			.withMessageContaining("png");
		assertThat(this.profiles.mongoCountDocuments()).isZero();
		assertThat(bucketFileCount("avatars_bucket")).isZero();
		assertThat(bucketFileCount("fs")).as("the other upload of the failed save is deleted too").isZero();
	}

	@Test
	void anInvalidModelUploadsNothing() {
		Profile profile = new Profile("  ");
		profile.cv = StoredFile.of(new ByteArrayResource(bytes("cv")), "cv.txt", null);

		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.profiles.save(profile))
			.withMessageContaining("name");
		assertThat(bucketFileCount("fs")).isZero();
		assertThat(this.profiles.mongoCountDocuments()).isZero();
	}

	@Test
	void replacingOrClearingAFileKeepsTheOldOneByDefault() {
		Profile profile = new Profile("keeper");
		profile.cv = StoredFile.of(new ByteArrayResource(bytes("v1")), "v.txt", null);
		this.profiles.save(profile);
		StoredFile first = profile.cv;

		profile.cv = StoredFile.of(new ByteArrayResource(bytes("v2")), "v.txt", null);
		this.profiles.save(profile);
		profile.cv = null;
		this.profiles.save(profile);

		assertThat(this.gridFsStorage.findById(first.getId())).isPresent();
		assertThat(bucketFileCount("fs")).isEqualTo(2);
		assertThat(this.profiles.mongoFindOne(Filters.eq("_id", profile.id)).orElseThrow().get("cv")).isNull();
	}

	@Test
	void deleteOnReplaceDeletesTheOldFileAfterTheSave() {
		Profile profile = new Profile("tidy");
		profile.document = StoredFile.of(new ByteArrayResource(bytes("d1")), "d.txt", null);
		this.profiles.save(profile);
		StoredFile first = profile.document;

		profile.document = StoredFile.of(new ByteArrayResource(bytes("d2")), "d.txt", null);
		this.profiles.save(profile);
		assertThat(this.avatars.findById(first.getId())).isEmpty();
		assertThat(this.avatars.findById(profile.document.getId())).isPresent();

		StoredFile second = profile.document;
		this.profiles.save(profile);
		assertThat(this.avatars.findById(second.getId())).as("saving an unchanged file keeps it").isPresent();

		profile.document = null;
		this.profiles.save(profile);
		assertThat(this.avatars.findById(second.getId())).isEmpty();
		assertThat(bucketFileCount("avatars_bucket")).isZero();
	}

	@Test
	void deleteOnReplaceKeepsAFileAnotherDocumentStillRefersTo() {
		Profile owner = new Profile("owner");
		owner.document = StoredFile.of(new ByteArrayResource(bytes("shared")), "shared.txt", null);
		this.profiles.save(owner);
		Profile sharer = new Profile("sharer");
		sharer.document = owner.document;
		this.profiles.save(sharer);

		owner.document = null;
		this.profiles.save(owner);

		assertThat(this.avatars.findById(sharer.document.getId())).isPresent();
	}

	@Test
	void deletingAModelKeepsItsFilesUnlessDeleteWithModel() {
		Profile profile = new Profile("gone");
		profile.cv = StoredFile.of(new ByteArrayResource(bytes("kept")), "kept.txt", null);
		profile.document = StoredFile.of(new ByteArrayResource(bytes("owned")), "owned.txt", null);
		this.profiles.save(profile);
		Profile other = new Profile("stays");
		other.document = StoredFile.of(new ByteArrayResource(bytes("other")), "other.txt", null);
		this.profiles.save(other);

		this.profiles.delete(profile);

		assertThat(this.gridFsStorage.findById(profile.cv.getId())).isPresent();
		assertThat(this.avatars.findById(profile.document.getId())).isEmpty();
		assertThat(this.avatars.findById(other.document.getId())).isPresent();

		this.profiles.deleteAll();
		assertThat(this.avatars.findById(other.document.getId())).isEmpty();
	}

	@Test
	void aPendingFileWrittenOtherwiseThanBySavingItsModelFails() {
		Profile profile = this.profiles.save(new Profile("raw"));
		Query byId = new Query(Criteria.where("id").is(profile.id));
		Update update = Update.update("cv", StoredFile.of(new ByteArrayResource(bytes("x")), "x.txt", null));

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.djongo.updateFirst(byId, update, Profile.class))
			.havingRootCause()
			.withMessageContaining("'x.txt' has not been uploaded");
		assertThat(bucketFileCount("fs")).isZero();
	}

	@Test
	void aFileOfAnotherBucketIsRejected() {
		Profile withAvatar = new Profile("a");
		withAvatar.avatar = StoredFile.of(new ByteArrayResource(png(2, 2)), "a.png", null);
		this.profiles.save(withAvatar);
		Profile profile = new Profile("b");
		profile.cv = withAvatar.avatar;

		assertThatExceptionOfType(InvalidFileException.class).isThrownBy(() -> this.profiles.save(profile))
			.withMessageContaining("Profile.cv")
			.withMessageContaining("bucket 'avatars_bucket'")
			.withMessageContaining("bucket 'fs'");
	}

	@Test
	void aDjangoStyleNameValueIsReadAsAFileKnownByName() throws IOException {
		this.gridFsStorage.save("cv/legacy.txt", new ByteArrayResource(bytes("from django")), null);
		this.profiles.mongoInsertOne(new Document("name", "legacy").append("cv", "cv/legacy.txt"));

		Profile read = this.profiles.objects().filter("name", "legacy").first().orElseThrow();

		assertThat(read.cv.getName()).isEqualTo("cv/legacy.txt");
		assertThat(read.cv.getId()).isNull();
		try (InputStream content = read.cv.open()) {
			assertThat(content).hasBinaryContent(bytes("from django"));
		}
	}

	@Test
	void aFieldNamingAMissingStorageFailsNamingTheFieldAndTheStorages() {
		Broken broken = new Broken();
		broken.file = StoredFile.of(new ByteArrayResource(bytes("x")), "x.txt", null);

		assertThatIllegalStateException().isThrownBy(() -> this.djongo.save(broken))
			.withMessageContaining("Broken.file")
			.withMessageContaining("'nowhere'")
			.withMessageContaining("avatars")
			.withMessageContaining("gridFsStorage");
	}

	@Test
	void aFileFieldThatIsNoStoredFileFailsNamingTheField() {
		assertThatIllegalStateException().isThrownBy(() -> this.djongo.save(new WrongType()))
			.withMessageContaining("WrongType.path is a String")
			.withMessageContaining("StoredFile");
	}

	@Test
	void aPendingFileCannotBeOpenedAndAStreamIsReadOnce() {
		StoredFile pending = StoredFile.of(new ByteArrayInputStream(bytes("once")), "once.txt", null);

		assertThatIllegalStateException().isThrownBy(pending::open).withMessageContaining("pending");
		Profile profile = new Profile("once");
		profile.cv = pending;
		this.profiles.save(profile);
		Profile again = new Profile("twice");
		again.cv = pending;
		assertThatIllegalStateException().isThrownBy(() -> this.profiles.save(again))
			.withMessageContaining("already been read");
	}

	private long bucketFileCount(String bucket) {
		return GridFSBuckets.create(this.djongo.getDb(), bucket).find().into(new ArrayList<>()).size();
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] png(int width, int height) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ProfileRepository.class))
	@Import(DjongoTestConfiguration.class)
	static class Config {

		@Bean
		GridFsStorage gridFsStorage() {
			return new GridFsStorage(GridFsStorage.DEFAULT_BUCKET);
		}

		@Bean
		GridFsStorage avatars() {
			return new GridFsStorage("avatars_bucket");
		}

		@Bean
		FileFieldCallbacks fileFieldCallbacks(MongoDatabaseFactory databaseFactory,
				MongoMappingContext mappingContext) {
			return new FileFieldCallbacks(databaseFactory, mappingContext);
		}

	}

	interface ProfileRepository extends DjongoRepository<Profile, ObjectId> {

	}

	@org.springframework.data.mongodb.core.mapping.Document("gridfs_profile")
	static class Profile {

		@Id
		@Nullable ObjectId id;

		@NotBlank
		@Nullable String name;

		@ImageField(storage = "avatars", uploadTo = "avatars/")
		@Nullable StoredFile avatar;

		@FileField(uploadTo = "cv")
		@Nullable StoredFile cv;

		@FileField(storage = "avatars", uploadTo = "docs/", deleteOnReplace = true, deleteWithModel = true)
		@Nullable StoredFile document;

		Profile() {
		}

		Profile(String name) {
			this.name = name;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("gridfs_broken")
	static class Broken {

		@Id
		@Nullable ObjectId id;

		@FileField(storage = "nowhere")
		@Nullable StoredFile file;

	}

	@org.springframework.data.mongodb.core.mapping.Document("gridfs_wrong")
	static class WrongType {

		@Id
		@Nullable ObjectId id;

		@FileField
		@Nullable String path;

	}

}
