package io.djongo.spring.core.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.Choices;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.FieldViolation;
import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.model.Validators;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The validator without a database.
 */
class ModelValidatorUnitTests {

	private final ModelValidator validator = ModelValidator.withDefaultBeanValidation();

	@Test
	void withoutBeanValidationChecksDjongosRulesOnly() {
		Page page = new Page();
		page.title = "";
		page.section = null;
		assertThat(new ModelValidator(null).violations(page)).extracting(FieldViolation::path)
			.containsExactly("section");
		assertThat(this.validator.violations(page)).extracting(FieldViolation::path)
			.containsExactlyInAnyOrder("title", "section");
	}

	@Test
	void reportsAViolationOnceWhenBeanValidationCascadesToo() {
		Page page = Page.valid();
		page.section.heading = "";
		assertThat(this.validator.violations(page)).extracting(FieldViolation::toString)
			.containsExactly("section.heading: must not be blank (was \"\")");
	}

	@Test
	void followsArraysAndStopsAtCycles() {
		Page page = Page.valid();
		Section looping = Section.of("loop");
		looping.children = new Section[] { looping, Section.of("") };
		page.sections = List.of(looping);
		assertThat(this.validator.violations(page)).extracting(FieldViolation::path)
			.containsExactly("sections[0].children[1].heading");
	}

	@Test
	void choicesAcceptEnumsAndNumbersAsText() {
		Page page = Page.valid();
		page.level = 4;
		assertThat(this.validator.violations(page)).extracting(FieldViolation::message)
			.containsExactly("must be one of [1, 2, 3]");
		page.level = 2;
		assertThat(this.validator.violations(page)).isEmpty();
	}

	@Test
	void validatesDottedValuesThroughListsOfContainers() {
		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> this.validator.validateValues(Page.class, Map.of("sections.heading", "")));
		assertThat(ex.getViolations()).extracting(FieldViolation::path).containsExactly("sections.heading");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.validator.validateValues(Page.class, Map.of("title.length", 1)))
			.withMessageContaining("Page.title is not an embedded container");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.validator.validateValues(Page.class, Map.of("section.nope", 1)))
			.withMessageContaining("Section (in Page) has no field 'nope'. Choices are: heading, children");
	}

	@Test
	void decimalsMustFitTheDecimal128TheyAreStoredAs() {
		Ledger ledger = new Ledger();
		ledger.total = new BigDecimal("12345678901234567890123456789012345.5");
		ledger.count = new BigInteger("12345678901234567890123456789012345678901");
		ledger.entries = List.of(BigDecimal.ONE, new BigDecimal("1E-7000"));
		ledger.section = new Ledger();
		ledger.section.total = new BigDecimal("1E+7000");
		assertThat(this.validator.violations(ledger)).extracting(FieldViolation::path, FieldViolation::message)
			.containsExactly(
					tuple("total", "This BigDecimal has 36 significant digits; it is stored as a Decimal128, which"
							+ " holds at most 34"),
					tuple("count", "This BigInteger has 41 significant digits; it is stored as a Decimal128, which"
							+ " holds at most 34"),
					tuple("entries[1]", "This BigDecimal's exponent is outside the range a Decimal128 stores"
							+ " (-6176 to 6111)"),
					tuple("section.total", "This BigDecimal's exponent is outside the range a Decimal128 stores"
							+ " (-6176 to 6111)"));
		Ledger exact = new Ledger();
		exact.total = new BigDecimal("1234567890123456789012345678.901234");
		exact.count = BigInteger.TEN.pow(40);
		exact.entries = List.of(new BigDecimal("-0.00"));
		assertThat(this.validator.violations(exact)).as("trailing zeros are exact").isEmpty();
		ValidationException update = catchThrowableOfType(ValidationException.class,
				() -> this.validator.validateValues(Ledger.class, Map.of("total", new BigDecimal("1E+7000"))));
		assertThat(update.getViolations()).extracting(FieldViolation::path).containsExactly("total");
	}

	@Test
	void aValidatorCanReportNestedViolations() {
		Page page = Page.valid();
		page.title = "nested";
		assertThat(this.validator.violations(page)).extracting(FieldViolation::toString)
			.containsExactly("title.first: bad (was \"x\")");
	}

	public static class NestedFailure implements io.djongo.spring.core.model.FieldValidator<String> {

		@Override
		public void validate(String value) {
			if (value.equals("nested")) {
				throw new ValidationException("Title is not valid",
						List.of(new FieldViolation("first", "bad", "\"x\"")));
			}
		}

	}

	static class Ledger {

		@Nullable BigDecimal total;

		@Nullable BigInteger count;

		@Nullable List<BigDecimal> entries;

		@EmbeddedField
		@Nullable Ledger section;

	}

	@ModelContainer
	static class Section {

		@NotBlank
		@Nullable String heading;

		@ArrayField
		Section @Nullable [] children;

		static Section of(String heading) {
			Section section = new Section();
			section.heading = heading;
			return section;
		}

	}

	static class Page {

		@NotBlank
		@Validators(NestedFailure.class)
		@Nullable String title;

		@Valid
		@EmbeddedField(nullable = false)
		@Nullable Section section;

		@ArrayField
		@Nullable List<Section> sections;

		@Choices({ "1", "2", "3" })
		@Nullable Integer level;

		static Page valid() {
			Page page = new Page();
			page.title = "title";
			page.section = Section.of("heading");
			return page;
		}

	}

}
