package io.djongo.spring.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static io.djongo.spring.test.ArchitectureRules.violations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture rules of core's main code, and the proof for every rule that it catches a violation built for the
 * purpose ({@code io.djongo.spring.archfixture}, test code only): no package cycles; an internal package used only by
 * its own tree and by {@code bridge}, the composition root; internal code never on {@code bridge}; no internal type in
 * a public signature; no ThreadLocal; every package {@code @NullMarked}.
 */
class ArchitectureUnitTests {

	private static final String CORE = "io.djongo.spring.core";

	private static final String FIXTURE = "io.djongo.spring.archfixture";

	private static final String TEST_SUPPORT = "io.djongo.spring.test";

	private static final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(CORE);

	private static final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

	@Test
	void theRulesSeeCoresMainCodeWithoutTests() {
		assertThat(core.contain(DjongoTemplate.class)).isTrue();
		assertThat(core.contain(ArchitectureUnitTests.class)).isFalse();
	}

	@Test
	void noPackageCycles() {
		ArchitectureRules.noPackageCycles(CORE).check(core);
	}

	@Test
	void internalsAreUsedOnlyInsideTheirTreeAndByTheBridge() {
		ArchitectureRules.internalsStayInTheirTree(CORE).check(core);
	}

	@Test
	void internalsDoNotDependOnTheBridge() {
		ArchitectureRules.internalsDoNotDependOnBridge(CORE).check(core);
	}

	@Test
	void publicSignaturesExposeNoInternalType() {
		ArchitectureRules.publicSignaturesExposeNoInternalType(CORE).check(core);
	}

	@Test
	void noThreadLocals() {
		ArchitectureRules.noThreadLocals(CORE).check(core);
	}

	@Test
	void everyPackageIsNullMarked() {
		ArchitectureRules.packagesAreNullMarked(CORE).check(core);
	}

	@Test
	void everyTestSupportPackageIsNullMarked() {
		ArchitectureRules.packagesAreNullMarked(TEST_SUPPORT)
			.check(new ClassFileImporter().importPackages(TEST_SUPPORT));
	}

	@Test
	void packageCyclesAreCaught() {
		assertThat(violations(ArchitectureRules.noPackageCycles(FIXTURE), fixture))
			.anySatisfy((violation) -> assertThat(violation).contains("Cycle detected: query -> ")
				.contains("query.aggregate -> ")
				.contains("Api.total()")
				.contains("Total.api"));
	}

	@Test
	void internalsUsedFromAnotherTreeAreCaughtButNotFromTheirOwnTreeNorTheBridge() {
		assertThat(violations(ArchitectureRules.internalsStayInTheirTree(FIXTURE), fixture))
			.anySatisfy((violation) -> assertThat(violation).contains("relation.Leaker").contains("internal.Engine"))
			.anySatisfy((violation) -> assertThat(violation).contains("autoconfigure.Config"))
			.noneSatisfy((violation) -> assertThat(violation).contains("bridge.Template."))
			.noneSatisfy((violation) -> assertThat(violation).contains("query.Api."));
	}

	@Test
	void internalCodeDependingOnTheBridgeIsCaught() {
		assertThat(violations(ArchitectureRules.internalsDoNotDependOnBridge(FIXTURE), fixture)).singleElement()
			.satisfies((violation) -> assertThat(violation).contains("internal.Engine.run")
				.contains("bridge.Template"));
	}

	@Test
	void internalTypesInPublicSignaturesAreCaughtGenericsIncluded() {
		assertThat(violations(ArchitectureRules.publicSignaturesExposeNoInternalType(FIXTURE), fixture))
			.anySatisfy((violation) -> assertThat(violation).contains("Api.engine has the type"))
			.anySatisfy((violation) -> assertThat(violation).contains("Api.<init>(")
				.contains("takes " + FIXTURE + ".query.internal.Engine"))
			.anySatisfy((violation) -> assertThat(violation).contains("Api.engines() returns java.util.List")
				.contains("exposing " + FIXTURE + ".query.internal.Engine"))
			.noneSatisfy((violation) -> assertThat(violation).contains("Api.hidden()"))
			.noneSatisfy((violation) -> assertThat(violation).contains("Template"));
	}

	@Test
	void threadLocalsAreCaught() {
		assertThat(violations(ArchitectureRules.noThreadLocals(FIXTURE), fixture))
			.isNotEmpty()
			.allSatisfy((violation) -> assertThat(violation).contains("schema.internal.Batch"))
			.anySatisfy((violation) -> assertThat(violation).contains("Batch.CURRENT"));
	}

	@Test
	void anotherModulesUseOfInternalsIsCaught() {
		assertThat(violations(ArchitectureRules.usesNoInternals(FIXTURE + ".autoconfigure"), fixture)).isNotEmpty()
			.allSatisfy((violation) -> assertThat(violation).contains("autoconfigure.Config")
				.contains("query.internal.Engine"));
	}

	@Test
	void aPackageWithoutNullMarkedIsCaught() {
		assertThat(violations(ArchitectureRules.packagesAreNullMarked(FIXTURE), fixture)).singleElement()
			.satisfies((violation) -> assertThat(violation).contains("unmarked.Plain"));
	}

}
