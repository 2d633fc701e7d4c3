package io.djongo.spring.core.gridfs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FileNamesUnitTests {

	@Test
	void validFileNameKeepsTheLastSegmentAndSafeCharactersAsDjango() {
		assertThat(FileNames.validFileName("john's portrait in 2004.jpg")).isEqualTo("johns_portrait_in_2004.jpg");
		assertThat(FileNames.validFileName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.validFileName("C:\\Users\\me\\photo.png")).isEqualTo("photo.png");
		assertThat(FileNames.validFileName("Zürich-été.txt")).isEqualTo("Zürich-été.txt");
		assertThat(FileNames.validFileName("<script>.html")).isEqualTo("script.html");
	}

	@Test
	void validFileNameIsNullWhenNothingUsableRemains() {
		assertThat(FileNames.validFileName("???")).isNull();
		assertThat(FileNames.validFileName("..")).isNull();
		assertThat(FileNames.validFileName("dir/")).isNull();
	}

	@Test
	void alternativeNameAddsSevenRandomCharactersBeforeTheExtension() {
		assertThat(FileNames.alternativeName("avatars/me.png")).matches("avatars/me_[A-Za-z0-9]{7}\\.png");
		assertThat(FileNames.alternativeName("archive.tar.gz")).matches("archive\\.tar_[A-Za-z0-9]{7}\\.gz");
		assertThat(FileNames.alternativeName("v1.2/README")).matches("v1\\.2/README_[A-Za-z0-9]{7}");
		assertThat(FileNames.alternativeName(".profile")).matches("\\.profile_[A-Za-z0-9]{7}");
		assertThat(FileNames.alternativeName("a.txt")).isNotEqualTo(FileNames.alternativeName("a.txt"));
	}

	@Test
	void checkPathRejectsAbsoluteAndTraversingNames() {
		assertThat(FileNames.checkPath("avatars/me.png")).isEqualTo("avatars/me.png");
		assertThatIllegalArgumentException().isThrownBy(() -> FileNames.checkPath("/etc/passwd"))
			.withMessageContaining("'/etc/passwd'");
		assertThatIllegalArgumentException().isThrownBy(() -> FileNames.checkPath("a/../b"))
			.withMessageContaining("'..'");
		assertThatIllegalArgumentException().isThrownBy(() -> FileNames.checkPath("a//b"));
		assertThatIllegalArgumentException().isThrownBy(() -> FileNames.checkPath("a\\b"));
		assertThatIllegalArgumentException().isThrownBy(() -> FileNames.checkPath(""));
	}

	@Test
	void directoryEndsUploadToWithASlash() {
		assertThat(FileNames.directory("avatars")).isEqualTo("avatars/");
		assertThat(FileNames.directory("media/avatars/")).isEqualTo("media/avatars/");
		assertThat(FileNames.directory("")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> FileNames.directory("../up"));
	}

	@Test
	void contentTypeIsGuessedFromTheExtension() {
		assertThat(FileNames.guessContentType("a/photo.PNG")).isEqualTo("image/png");
		assertThat(FileNames.guessContentType("doc.pdf")).isEqualTo("application/pdf");
		assertThat(FileNames.guessContentType("noextension")).isEqualTo("application/octet-stream");
	}

}
