package io.djongo.spring.autoconfigure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.djongo.spring.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration reaches core through its public API only; core's {@code ArchitectureUnitTests} proves that
 * the rules catch sample violations.
 */
class ArchitectureUnitTests {

	private static final String AUTOCONFIGURE = "io.djongo.spring.autoconfigure";

	private static final JavaClasses autoconfigure = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(AUTOCONFIGURE);

	@Test
	void theRulesSeeTheMainCodeWithoutTests() {
		assertThat(autoconfigure.contain(DjongoAutoConfiguration.class)).isTrue();
		assertThat(autoconfigure.contain(ArchitectureUnitTests.class)).isFalse();
	}

	@Test
	void usesNoClassOfAnInternalPackage() {
		ArchitectureRules.usesNoInternals(AUTOCONFIGURE).check(autoconfigure);
	}

	@Test
	void everyPackageIsNullMarked() {
		ArchitectureRules.packagesAreNullMarked(AUTOCONFIGURE).check(autoconfigure);
	}

}
