package io.djongo.spring.core.model.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

import com.mongodb.DBRef;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.test.DjongoTestConfiguration;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.mongodb.core.mapping.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The direct reader reads exactly what Spring Data's converter reads, or declines: every case is compared with the
 * converter's own result, field by field, including the converter's failures.
 */
class DirectModelReaderUnitTests {

	// the converter never asks the server here: a client that never connects
	static final DjongoTemplate template = DjongoTestConfiguration.template(
			com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=1"), "direct_reader");

	static final DirectModelReader reader = new DirectModelReader(template.getConverter());

	@Test
	void readsPlainModelsAsTheConverterDoes() {
		Document document = new Document("_id", 7L).append("title", "Hello")
			.append("stored_body", "Text")
			.append("rating", 4)
			.append("views", 12)
			.append("score", 2.5)
			.append("flag", true)
			.append("publishedDate", new Date(1_700_000_000_123L))
			.append("day", new Date(1_700_006_400_000L))
			.append("moment", new Date(1_700_000_000_000L))
			.append("offset", new Date(1_700_000_000_000L))
			.append("price", new Decimal128(new BigDecimal("19.990")))
			.append("token", UUID.fromString("0b1c3b46-94c1-4b7e-9d0c-8c1e8f0f6a10"))
			.append("status", "PUBLISHED")
			.append("tags", List.of("a", "b"))
			.append("numbers", List.of(3, 1, 2))
			.append("sorted", List.of("z", "y"))
			.append("ref", new ObjectId("65a1b2c3d4e5f60718293a4b"));
		assertSameAsConverter(Plain.class, document, true);
	}

	@Test
	void keepsInitializersOfMissingFieldsAndSetsNulls() {
		assertSameAsConverter(Plain.class, new Document("_id", 1L), true);
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("title", null).append("rating", null), true);
		assertSameAsConverter(Plain.class, new Document("title", "no id"), true);
	}

	@Test
	void convertsMismatchedValuesAsTheConverterDoes() {
		assertSameAsConverter(Plain.class, new Document("_id", 3).append("rating", 4L).append("score", 2), true);
		assertSameAsConverter(Plain.class, new Document("_id", "12").append("title", 42).append("views", "17"), true);
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("tags", Arrays.asList("a", null, 3)), true);
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("numbers", List.of("4", 5L)), true);
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("tags", List.of()), true);
	}

	@Test
	void honoursATypeHintNamingTheModel() {
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("_class", Plain.class.getName()), true);
	}

	@Test
	void declinesWhatItCannotReadExactly() {
		// a hint naming another class, a nested document, a DBRef, a list where a value is declared and the reverse
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("_class", "com.example.Other"), false);
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("title", new Document("x", 1)), false);
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("title", new DBRef("c", 1)), false);
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("title", List.of("x")), false);
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("tags", "x"), false);
		assertSameAsConverter(Plain.class, new Document("_id", 1L).append("tags", List.of(List.of("x"))), false);
	}

	@Test
	void leavesModelsWithMoreThanPlainFieldsToTheConverter() {
		assertThat(reader.read(WithEmbedded.class, new Document("_id", 1L).append("inner", new Document("name", "x"))))
			.isNull();
		assertThat(reader.read(WithMap.class, new Document("_id", 1L).append("map", new Document("k", 1)))).isNull();
		assertThat(reader.read(WithArray.class, new Document("_id", 1L).append("array", List.of(1, 2)))).isNull();
		assertThat(reader.read(WithConstructor.class, new Document("_id", 1L).append("name", "x"))).isNull();
		assertThat(reader.read(Aliased.class, new Document("_id", 1L))).isNull();
		assertThat(reader.read(Document.class, new Document("_id", 1L))).isNull();
	}

	@Test
	void failsWhereTheConverterFails() {
		Document document = new Document("_id", 1L).append("rating", "many");
		assertThatException().isThrownBy(() -> template.getConverter().read(Plain.class, document));
		assertThatException().isThrownBy(() -> reader.read(Plain.class, document))
			.withMessageContaining("many");
		Document enumDocument = new Document("_id", 1L).append("status", "NOPE");
		assertThatException().isThrownBy(() -> template.getConverter().read(Plain.class, enumDocument));
		assertThatException().isThrownBy(() -> reader.read(Plain.class, enumDocument)).withMessageContaining("NOPE");
	}

	@Test
	void theTemplateReadsThroughIt() {
		Document document = new Document("_id", 9L).append("title", "via toModel").append("tags", List.of("t"));
		Plain model = template.toModel(document, Plain.class);
		assertThat(model).usingRecursiveComparison().isEqualTo(template.getConverter().read(Plain.class, document));
		assertThat(template.toModel(new Document("_id", 1L).append("inner", new Document("name", "n")),
				WithEmbedded.class).inner.name).isEqualTo("n");
	}

	private static <T> void assertSameAsConverter(Class<T> type, Document document, boolean direct) {
		T actual = reader.read(type, new Document(document));
		if (!direct) {
			assertThat(actual).as("declined").isNull();
			return;
		}
		T expected = template.getConverter().read(type, document);
		assertThat(actual).as("read directly").isNotNull();
		assertThat(actual).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(expected);
	}

	enum Status {

		DRAFT, PUBLISHED

	}

	@org.springframework.data.mongodb.core.mapping.Document("plain")
	static class Plain {

		@Id
		@Nullable Long id;

		@Nullable String title;

		@Field("stored_body")
		@Nullable String body;

		@Nullable Integer rating = 3;

		int views = 5;

		double score;

		boolean flag;

		@Nullable Instant publishedDate;

		@Nullable LocalDate day;

		@Nullable LocalDateTime moment;

		@Nullable OffsetDateTime offset;

		@Nullable BigDecimal price;

		@Nullable UUID token;

		@Nullable Status status;

		List<String> tags = new ArrayList<>(List.of("initial"));

		@Nullable Set<Integer> numbers = new LinkedHashSet<>();

		@Nullable SortedSet<String> sorted;

		@Nullable ObjectId ref;

		@Transient
		@Nullable String notStored = "kept";

	}

	@ModelContainer
	static class Inner {

		@Nullable String name;

	}

	static class WithEmbedded {

		@Id
		@Nullable Long id;

		@EmbeddedField
		@Nullable Inner inner;

	}

	static class WithMap {

		@Id
		@Nullable Long id;

		@Nullable Map<String, Object> map;

	}

	static class WithArray {

		@Id
		@Nullable Long id;

		int @Nullable [] array;

	}

	static class WithConstructor {

		@Id
		final Long id;

		final String name;

		WithConstructor(Long id, String name) {
			this.id = id;
			this.name = name;
		}

	}

	@TypeAlias("aliased")
	static class Aliased {

		@Id
		@Nullable Long id;

	}

}
