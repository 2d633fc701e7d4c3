package io.djongo.spring.core.gridfs;

import java.io.ByteArrayInputStream;
import java.time.Instant;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StoredFileUnitTests {

	@Test
	void aPendingFileFromAResourceTakesItsFileName() {
		StoredFile file = StoredFile.of(new FileSystemResource("uploads/logo.png"));

		assertThat(file.isPending()).isTrue();
		assertThat(file.getName()).isEqualTo("logo.png");
		assertThat(file.getContentType()).isNull();
		assertThat(file.getSize()).isEqualTo(-1);
		assertThat(file.getId()).isNull();
		assertThat(file).hasToString("StoredFile[logo.png, pending]");
	}

	@Test
	void aResourceWithoutFileNameNeedsAName() {
		assertThatIllegalArgumentException().isThrownBy(() -> StoredFile.of(new ByteArrayResource(new byte[1])))
			.withMessageContaining("has no file name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StoredFile.of(new ByteArrayInputStream(new byte[1]), " ", null));
	}

	@Test
	void storedFilesAreEqualByIdAndNamePendingOnesOnlyToThemselves() {
		ObjectId id = new ObjectId();
		StoredFile a = StoredFile.stored(id, "a.txt", 1, "text/plain", Instant.now(), null, null, null);
		StoredFile same = StoredFile.stored(id, "a.txt", 1, "text/plain", Instant.now(), null, null, null);
		StoredFile pending = StoredFile.of(new ByteArrayResource(new byte[1]), "a.txt", null);

		assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(pending);
		assertThat(pending).isEqualTo(pending).isNotEqualTo(StoredFile.of(new ByteArrayResource(new byte[1]),
				"a.txt", null));
	}

	@Test
	void anUnboundFileExplainsHowToReadIt() {
		StoredFile unbound = StoredFile.named("cv/a.txt");

		assertThatIllegalStateException().isThrownBy(unbound::open)
			.withMessageContaining("not bound to a GridFsStorage");
	}

	@Test
	void theDocumentFormRoundTrips() {
		StoredFile image = StoredFile.stored(new ObjectId(), "avatars/me.png", 75, "image/png",
				Instant.parse("2025-01-02T03:04:05.006Z"), null, null, null)
			.withDimensions(16, 8);

		Document document = StoredFileConverters.StoredFileToDocument.INSTANCE.convert(image);
		StoredFile read = StoredFileConverters.DocumentToStoredFile.INSTANCE.convert(document);

		assertThat(document).containsOnlyKeys("id", "name", "size", "contentType", "uploadDate", "width", "height");
		assertThat(read).isEqualTo(image);
		assertThat(read.getUploadDate()).isEqualTo(image.getUploadDate());
		assertThat(read.getWidth()).isEqualTo(16);
		assertThat(read.getHeight()).isEqualTo(8);
		assertThat(StoredFileConverters.NameToStoredFile.INSTANCE.convert("cv/a.txt").getName()).isEqualTo("cv/a.txt");
	}

}
