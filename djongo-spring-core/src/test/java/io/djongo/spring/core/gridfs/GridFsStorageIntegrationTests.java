package io.djongo.spring.core.gridfs;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link GridFsStorage} on its own, without an application context, against the test server.
 */
class GridFsStorageIntegrationTests {

	private final GridFsStorage storage = new GridFsStorage("media", new SimpleMongoClientDatabaseFactory(
			TestClients.client(), TestMongo.uniqueDatabaseName("gridfs_storage")));

	@Test
	void saveFindExistsAndDelete() throws Exception {
		StoredFile saved = this.storage.save("docs/a.txt", content("alpha"), null);

		assertThat(saved.getContentType()).isEqualTo("text/plain");
		assertThat(saved.getSize()).isEqualTo(5);
		assertThat(this.storage.exists("docs/a.txt")).isTrue();
		assertThat(this.storage.find("docs/a.txt")).contains(saved);
		assertThat(this.storage.findById(saved.getId())).contains(saved);
		try (InputStream in = saved.open()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("alpha");
		}

		this.storage.delete(saved);
		this.storage.delete(saved);
		assertThat(this.storage.exists("docs/a.txt")).isFalse();
		assertThatExceptionOfType(FileNotFoundException.class).isThrownBy(saved::open)
			.withMessageContaining("'docs/a.txt'")
			.withMessageContaining("'media'");
	}

	@Test
	void saveNeverOverwritesAnExistingName() {
		StoredFile first = this.storage.save("same.txt", content("1"), "text/plain");
		StoredFile second = this.storage.save("same.txt", content("2"), "text/plain");

		assertThat(first.getName()).isEqualTo("same.txt");
		assertThat(second.getName()).matches("same_[A-Za-z0-9]{7}\\.txt");
		assertThat(this.storage.find("same.txt")).contains(first);
	}

	@Test
	void saveRejectsNamesOutsideTheBucketsTree() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.storage.save("../x", content("x"), null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.storage.save("/abs", content("x"), null));
	}

	@Test
	void resourcesFollowSpringsConventions() throws Exception {
		StoredFile saved = this.storage.save("site/logo.txt", content("logo"), "text/plain");

		Resource byName = this.storage.getResource("site/logo.txt");
		assertThat(byName.exists()).isTrue();
		assertThat(byName.isReadable()).isTrue();
		assertThat(byName.isOpen()).as("re-readable").isFalse();
		assertThat(byName.contentLength()).isEqualTo(4);
		assertThat(byName.getFilename()).isEqualTo("logo.txt");
		assertThat(byName.lastModified()).isEqualTo(saved.getUploadDate().toEpochMilli());
		assertThat(byName.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("logo");

		Resource root = this.storage.getResource("");
		Resource relative = root.createRelative("site/logo.txt");
		assertThat(relative).isEqualTo(byName);
		assertThat(root.createRelative("site/").createRelative("logo.txt")).isEqualTo(byName);
		URL url = relative.getURL();
		assertThat(url.toExternalForm()).isEqualTo("gridfs://media/site/logo.txt");
		assertThat(root.getURL().getPath()).isEqualTo("/");
		try (InputStream in = url.openStream()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("logo");
		}

		Resource missing = this.storage.getResource("/site/none.txt");
		assertThat(missing.exists()).isFalse();
		assertThat(missing.isReadable()).isFalse();
		assertThatExceptionOfType(FileNotFoundException.class).isThrownBy(missing::getInputStream);
	}

	@Test
	void aStorageBeanWithoutDatabaseExplainsWhatIsMissing() {
		GridFsStorage unwired = new GridFsStorage("loose");

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> unwired.exists("x"))
			.withMessageContaining("GridFsStorage 'loose' has no database");
	}

	private static ByteArrayResource content(String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
	}

}
