package io.djongo.spring.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.Choices;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.FieldViolation;
import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.model.Validators;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Validators run before every write path, report every field with its path, and nothing invalid is written.
 */
@SpringJUnitConfig
class ModelValidationIntegrationTests {

	@Autowired
	DjongoTemplate template;

	@Autowired
	EntryRepository entries;

	@Autowired
	CounterRepository counters;

	@BeforeEach
	void clean() {
		this.template.dropCollection(Entry.class);
		this.template.dropCollection(Counter.class);
	}

	@Test
	void validModelsAreWrittenByEveryPath() {
		this.entries.save(Entry.valid("save"));
		this.entries.insert(Entry.valid("insert"));
		this.entries.saveAll(List.of(Entry.valid("saveAll 1"), Entry.valid("saveAll 2")));
		this.template.insertAll(List.of(Entry.valid("insertAll")));
		this.template.save(Entry.valid("template save"));
		assertThat(this.entries.count()).isEqualTo(6);
	}

	@Test
	void oneExceptionNamesEveryInvalidFieldAndNothingIsWritten() {
		Entry entry = Entry.valid("");
		entry.blog = null;
		entry.homepage = "not a url";
		entry.status = "archived";

		ValidationException ex = catchThrowableOfType(ValidationException.class, () -> this.entries.save(entry));

		assertThat(ex.getViolations()).extracting(FieldViolation::path, FieldViolation::message)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("headline", "must not be blank"),
					org.assertj.core.groups.Tuple.tuple("blog", "This field cannot be null."),
					org.assertj.core.groups.Tuple.tuple("homepage", "Enter a valid URL."),
					org.assertj.core.groups.Tuple.tuple("status", "must be one of [draft, published]"));
		assertThat(ex).hasMessageStartingWith("Entry is not valid: ").hasMessageContaining("status: must be one of");
		assertThat(this.template.mongo(Entry.class).countDocuments()).isZero();
	}

	@Test
	void everyWritePathValidates() {
		List<Runnable> writes = List.of(() -> this.entries.save(Entry.valid("")),
				() -> this.entries.insert(Entry.valid("")), () -> this.template.save(Entry.valid("")),
				() -> this.template.insert(Entry.valid("")), () -> this.template.insertAll(List.of(Entry.valid(""))),
				() -> this.entries.saveAll(List.of(Entry.valid(""))));
		for (Runnable write : writes) {
			assertThatExceptionOfType(ValidationException.class).isThrownBy(write::run);
		}
		assertThat(this.template.mongo(Entry.class).countDocuments()).isZero();
	}

	@Test
	void anEmbeddedFieldThatIsNotBlankRejectsAnEmptyContainer() {
		Entry entry = Entry.valid("headline");
		entry.blog = new Blog();
		assertThat(violations(() -> this.entries.save(entry))).extracting(FieldViolation::toString)
			.contains("blog: This field cannot be blank. (was Blog{...})");
	}

	@Test
	void reportsViolationsInsideEmbeddedContainersAndArrayElementsByPath() {
		Entry entry = Entry.valid("headline");
		entry.blog.name = " ";
		entry.blogs = List.of(Blog.named("fine"), Blog.named("x".repeat(101)), Blog.named("third"));
		entry.blogs.get(2).tagline = "<script>alert(1)</script>";
		entry.blogs.get(2).author = new Author();

		assertThat(violations(() -> this.entries.save(entry))).extracting(FieldViolation::path, FieldViolation::message)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("blog.name", "must not be blank"),
					org.assertj.core.groups.Tuple.tuple("blogs[1].name", "size must be between 0 and 100"),
					org.assertj.core.groups.Tuple.tuple("blogs[2].tagline",
							"Script injection in <script>alert(1)</script>"),
					org.assertj.core.groups.Tuple.tuple("blogs[2].author.name", "must not be blank"));
	}

	@Test
	void theSeedsScriptInjectionValidatorRejectsScripts() {
		Entry entry = Entry.valid("Hello <script>steal()</script>");
		assertThat(violations(() -> this.entries.save(entry))).singleElement()
			.satisfies((violation) -> assertThat(violation.message())
				.isEqualTo("Script injection in Hello <script>steal()</script>"));
	}

	@Test
	void anArrayFieldThatIsNotBlankRejectsAnEmptyList() {
		Counter counter = new Counter();
		counter.blogs = List.of();
		assertThat(violations(() -> this.counters.save(counter))).extracting(FieldViolation::toString)
			.containsExactly("blogs: This field cannot be blank. (was List of 0)");
		counter.blogs = null;
		assertThat(violations(() -> this.counters.save(counter))).extracting(FieldViolation::toString)
			.containsExactly("blogs: This field cannot be null. (was null)");
	}

	@Test
	void aBatchFailingInItsLastElementWritesNothing() {
		List<Entry> batch = new ArrayList<>(IntStream.range(0, 100).mapToObj((i) -> Entry.valid("entry " + i)).toList());
		Entry last = Entry.valid("last");
		last.blogs = List.of(Blog.named(""));
		batch.add(last);

		ValidationException ex = catchThrowableOfType(ValidationException.class, () -> this.entries.saveAll(batch));
		assertThat(ex.getViolations()).extracting(FieldViolation::path).containsExactly("[100].blogs[0].name");
		assertThat(ex).hasMessageStartingWith("1 of 101 Entry objects is not valid");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.template.insertAll(batch));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.template.insert(batch, Entry.class));
		assertThat(this.template.mongo(Entry.class).countDocuments()).isZero();
	}

	@Test
	void aBatchReportsTheViolationsOfAllItsElements() {
		List<Entry> batch = List.of(Entry.valid(""), Entry.valid("fine"), Entry.valid(""));
		assertThat(violations(() -> this.entries.saveAll(batch))).extracting(FieldViolation::path)
			.containsExactly("[0].headline", "[2].headline");
	}

	@Test
	void aMixedBatchOfNewAndSavedModelsIsValidatedWholeBeforeTheFirstWrite() {
		Entry existing = this.entries.save(Entry.valid("before"));
		existing.headline = "changed";
		Entry invalid = Entry.valid("");

		assertThat(violations(() -> this.entries.saveAll(List.of(existing, invalid)))).extracting(FieldViolation::path)
			.containsExactly("[1].headline");
		assertThat(this.entries.findById(existing.id)).get().extracting((e) -> e.headline).isEqualTo("before");
		assertThat(this.entries.count()).isEqualTo(1);
	}

	@Test
	void rejectedValuesAreShownSafely() {
		Entry entry = Entry.valid("x".repeat(300));
		entry.password = "hunter2";

		List<FieldViolation> violations = violations(() -> this.entries.save(entry));

		assertThat(violations).filteredOn((v) -> v.path().equals("headline"))
			.singleElement()
			.extracting(FieldViolation::rejectedValue)
			.isEqualTo("\"" + "x".repeat(64) + "...(300 chars)\"");
		assertThat(violations).filteredOn((v) -> v.path().equals("password"))
			.singleElement()
			.extracting(FieldViolation::rejectedValue)
			.isEqualTo("[hidden]");
		assertThat(catchThrowableOfType(ValidationException.class, () -> this.entries.save(entry)))
			.hasMessageNotContaining("hunter2");
	}

	@Test
	void applicationsValidateWithoutWriting() {
		this.template.validate(Entry.valid("fine"));
		Entry invalid = Entry.valid("");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.template.validate(invalid))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(FieldViolation::path)
				.containsExactly("headline"));
		assertThat(this.template.getModelValidator().violations(Entry.valid("fine"))).isEmpty();
		assertThat(this.template.mongo(Entry.class).countDocuments()).isZero();
	}

	@Test
	void validatesValuesForAnUpdate() {
		this.template.validateValues(Entry.class, Map.of("headline", "fine", "blog", Blog.named("b")));

		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("headline", "");
		values.put("blog", new Blog());
		values.put("blogs", List.of(Blog.named("")));
		values.put("blog.tagline", "<script>");
		assertThat(catchThrowableOfType(ValidationException.class,
				() -> this.template.validateValues(Entry.class, values)).getViolations())
			.extracting(FieldViolation::path, FieldViolation::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("headline", "must not be blank"),
					org.assertj.core.groups.Tuple.tuple("blog", "This field cannot be blank."),
					org.assertj.core.groups.Tuple.tuple("blog.name", "must not be blank"),
					org.assertj.core.groups.Tuple.tuple("blogs[0].name", "must not be blank"),
					org.assertj.core.groups.Tuple.tuple("blog.tagline", "Script injection in <script>"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.template.validateValues(Entry.class, java.util.Collections.singletonMap("blog", null)))
			.withMessageContaining("blog: This field cannot be null.");
	}

	@Test
	void unknownFieldsInUpdateValuesAreNamedWithTheChoices() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.validateValues(Entry.class, Map.of("headlin", "x")))
			.withMessage("Cannot validate a value for 'headlin': Entry has no field 'headlin'. Choices are: id, blog, "
					+ "blogs, headline, homepage, status, password");
	}

	@Test
	void aValidatorOfTheWrongTypeIsReportedWithTheField() {
		assertThatIllegalStateException().isThrownBy(() -> this.template.validate(new Mistyped()))
			.withMessageContaining("Mistyped.count")
			.withMessageContaining("ScriptInjection validates java.lang.String values, but the field is a int");
	}

	@Test
	void validationFailuresAreDataIntegrityViolations() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.entries.save(Entry.valid("")));
	}

	private static List<FieldViolation> violations(Runnable write) {
		return catchThrowableOfType(ValidationException.class, write::run).getViolations();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

	interface EntryRepository extends DjongoRepository<Entry, ObjectId> {

	}

	interface CounterRepository extends DjongoRepository<Counter, Long> {

	}

	@ModelContainer
	static class Author {

		@NotBlank
		@Nullable String name;

	}

	@ModelContainer
	static class Blog {

		@NotBlank
		@Size(max = 100)
		@Nullable String name;

		@Validators(ScriptInjection.class)
		@Nullable String tagline;

		@EmbeddedField
		@Nullable Author author;

		static Blog named(String name) {
			Blog blog = new Blog();
			blog.name = name;
			return blog;
		}

	}

	@Document("validated_entry")
	static class Entry {

		@Id
		@Nullable ObjectId id;

		@EmbeddedField(nullable = false, blank = false)
		@Nullable Blog blog;

		@ArrayField
		@Nullable List<Blog> blogs;

		@NotBlank
		@Size(max = 255)
		@Validators(ScriptInjection.class)
		@Nullable String headline;

		@Validators(UrlValidator.class)
		@Nullable String homepage;

		@Choices({ "draft", "published" })
		@Nullable String status;

		@Size(min = 12)
		@Nullable String password;

		static Entry valid(String headline) {
			Entry entry = new Entry();
			entry.headline = headline;
			entry.blog = Blog.named("Beatles Blog");
			entry.homepage = "https://djongomapper.com/";
			entry.status = "draft";
			return entry;
		}

	}

	@Document("validated_counter")
	static class Counter {

		@Id
		@Nullable Long id;

		@ArrayField(nullable = false, blank = false)
		@Nullable List<Blog> blogs = new ArrayList<>(List.of(Blog.named("one")));

	}

	static class Mistyped {

		@Validators(ScriptInjection.class)
		int count;

	}

}
