package io.djongo.spring.test.autoconfigure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.djongo.spring.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The test support reaches core and the auto-configuration through their public API only, and is null-marked.
 */
class ArchitectureUnitTests {

	private static final String TEST_SUPPORT = "io.djongo.spring.test.autoconfigure";

	private static final JavaClasses testSupport = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(TEST_SUPPORT);

	@Test
	void usesNoClassOfAnInternalPackage() {
		ArchitectureRules.usesNoInternals(TEST_SUPPORT).check(testSupport);
	}

	@Test
	void everyPackageIsNullMarked() {
		ArchitectureRules.packagesAreNullMarked(TEST_SUPPORT).check(testSupport);
	}

}
