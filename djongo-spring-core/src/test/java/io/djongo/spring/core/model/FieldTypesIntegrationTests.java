package io.djongo.spring.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every field type a model may declare is stored as djongo stores it and reads back equal.
 */
@SpringJUnitConfig
class FieldTypesIntegrationTests {

	@Autowired
	SpecimenRepository specimens;

	@Autowired
	TokenRepository tokens;

	@Autowired
	DjongoTemplate template;

	@Test
	void everyScalarTypeRoundTripsExactly() {
		Specimen saved = this.specimens.save(Specimen.full());

		Specimen viaRepository = this.specimens.findById(saved.id).orElseThrow();
		Specimen viaTemplate = this.template.findOne(Query.query(Criteria.where("id").is(saved.id)), Specimen.class);
		Specimen viaToModel = this.template
			.toModel(this.template.mongo(Specimen.class).find(new org.bson.Document("_id", saved.id)).first(), Specimen.class);
		for (Specimen read : List.of(viaRepository, viaTemplate, viaToModel)) {
			assertThat(read).usingRecursiveComparison()
				.withEqualsForType(Double::equals, Double.class)
				.withEqualsForType(Float::equals, Float.class)
				.isEqualTo(saved);
		}
	}

	@Test
	void storesEachTypeAsDjongoDoes() {
		Specimen saved = this.specimens.save(Specimen.full());
		BsonDocument raw = raw(saved.id);

		assertThat(raw.get("_id").getBsonType()).isEqualTo(BsonType.INT64);
		assertThat(raw.get("text").getBsonType()).isEqualTo(BsonType.STRING);
		assertThat(raw.get("count").getBsonType()).isEqualTo(BsonType.INT32);
		assertThat(raw.get("boxedCount").getBsonType()).isEqualTo(BsonType.INT32);
		assertThat(raw.get("big").getBsonType()).isEqualTo(BsonType.INT64);
		assertThat(raw.get("ratio").getBsonType()).isEqualTo(BsonType.DOUBLE);
		assertThat(raw.get("single").getBsonType()).isEqualTo(BsonType.DOUBLE);
		assertThat(raw.get("flag").getBsonType()).isEqualTo(BsonType.BOOLEAN);
		assertThat(raw.getDecimal128("price").getValue()).isEqualTo(new Decimal128(saved.price));
		assertThat(raw.getBinary("uuid").getType()).isEqualTo(BsonBinarySubType.UUID_STANDARD.getValue());
		assertThat(raw.getBinary("bytes").getType()).isEqualTo(BsonBinarySubType.BINARY.getValue());
		assertThat(raw.getString("status").getValue()).isEqualTo("PUBLISHED");
		assertThat(raw.getObjectId("reference").getValue()).isEqualTo(saved.reference);
		assertThat(raw.getArray("tags").getValues()).hasSize(2);
		assertThat(raw.getDocument("attributes").getDocument("nested").getArray("list").getValues()).hasSize(2);
		assertThat(raw.getArray("matrix").get(1).asArray().get(0).asInt32().getValue()).isEqualTo(3);
	}

	@Test
	void datesAreStoredInUtcWithMillisecondsWhateverTheZoneOrOffset() {
		Specimen specimen = Specimen.full();
		specimen.offsetDateTime = OffsetDateTime.parse("2024-03-01T10:15:30.123+02:00");
		Specimen saved = this.specimens.save(specimen);
		BsonDocument raw = raw(saved.id);

		assertThat(raw.getDateTime("instant").getValue()).isEqualTo(saved.instant.toEpochMilli());
		// a LocalDateTime is a UTC wall clock, not the JVM's zone
		assertThat(raw.getDateTime("localDateTime").getValue())
			.isEqualTo(saved.localDateTime.toInstant(ZoneOffset.UTC).toEpochMilli());
		assertThat(raw.getDateTime("localDate").getValue())
			.isEqualTo(saved.localDate.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
		// an OffsetDateTime keeps its instant and comes back at offset Z
		assertThat(raw.getDateTime("offsetDateTime").getValue())
			.isEqualTo(saved.offsetDateTime.toInstant().toEpochMilli());
		OffsetDateTime read = this.specimens.findById(saved.id).orElseThrow().offsetDateTime;
		assertThat(read).isEqualTo(OffsetDateTime.parse("2024-03-01T08:15:30.123Z")).isAtSameInstantAs(saved.offsetDateTime);
	}

	@Test
	void subMillisecondPartsAreDropped() {
		Specimen specimen = Specimen.full();
		specimen.instant = Instant.parse("2024-03-01T10:15:30.123456789Z");
		Specimen read = this.specimens.findById(this.specimens.save(specimen).id).orElseThrow();
		assertThat(read.instant).isEqualTo(Instant.parse("2024-03-01T10:15:30.123Z"));
	}

	@Test
	void decimalsKeepEveryDigitAndTheirScale() {
		Specimen specimen = Specimen.full();
		specimen.price = new BigDecimal("1234567890123456789012345678.901234");
		Specimen read = this.specimens.findById(this.specimens.save(specimen).id).orElseThrow();
		assertThat(read.price).isEqualTo(new BigDecimal("1234567890123456789012345678.901234"));

		specimen.price = new BigDecimal("2.50");
		read = this.specimens.findById(this.specimens.save(specimen).id).orElseThrow();
		assertThat(read.price).isEqualTo(new BigDecimal("2.50")).hasScaleOf(2);
	}

	@Test
	void decimalsBeyondDecimal128AreAValidationErrorNamingModelFieldAndType() {
		Specimen specimen = Specimen.full();
		specimen.text = "too precise";
		specimen.price = new BigDecimal("1234567890123456789012345678901234567891");
		ValidationException refused = catchThrowableOfType(ValidationException.class,
				() -> this.specimens.save(specimen));
		assertThat(refused).isNotNull();
		assertThat(refused.getMessage()).startsWith("Specimen is not valid: price: This BigDecimal has 40 significant"
				+ " digits; it is stored as a Decimal128, which holds at most 34");
		assertThat(refused.getViolations()).extracting(FieldViolation::path).containsExactly("price");
		assertThat(this.specimens.objects().filter("text", "too precise").exists()).isFalse();
		specimen.price = new BigDecimal("1.2345678901234567890123456789012345678");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.template.insert(specimen));
		specimen.price = new BigDecimal("1E+7000");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.specimens.save(specimen))
			.withMessageContaining("exponent is outside the range a Decimal128 stores");
		assertThat(this.specimens.objects().filter("text", "too precise").exists()).isFalse();
	}

	@Test
	void floatingFieldsTakeTheNearestDecimalButNoIntegerTheyCannotHoldExactly() {
		assertThatExceptionOfType(io.djongo.spring.core.query.InvalidLookupException.class)
			.isThrownBy(() -> this.specimens.objects().filter("ratio", 9_007_199_254_740_993L))
			.withMessageContaining("Specimen.ratio expected a Double")
			.withMessageContaining("not exactly representable");
		assertThatExceptionOfType(io.djongo.spring.core.query.InvalidLookupException.class)
			.isThrownBy(() -> this.specimens.objects().filter("single", 16_777_217))
			.withMessageContaining("not exactly representable");
		assertThatExceptionOfType(io.djongo.spring.core.query.InvalidLookupException.class)
			.isThrownBy(() -> this.specimens.objects().filter("single__gt", 1e300))
			.withMessageContaining("out of range");
		Specimen saved = this.specimens.save(Specimen.full());
		assertThat(this.specimens.objects().filter("id", saved.id).filter("single", 3.14159).exists())
			.as("the float nearest to the double").isTrue();
		assertThat(this.specimens.objects().filter("id", saved.id).filter("ratio", 0.1 + 0.2).exists()).isTrue();
		assertThat(this.specimens.objects().filter("id", saved.id).filter("big", Long.MAX_VALUE - 1).exists()).isTrue();
	}

	@Test
	void queriesCompareConvertedValues() {
		Specimen saved = this.specimens.save(Specimen.full());
		Query byConvertedValues = Query.query(Criteria.where("uuid")
			.is(saved.uuid)
			.and("offsetDateTime")
			.is(saved.offsetDateTime)
			.and("localDate")
			.is(saved.localDate)
			.and("price")
			.is(saved.price));
		assertThat(this.template.find(byConvertedValues, Specimen.class)).extracting((s) -> s.id).contains(saved.id);
	}

	@Test
	void uuidIdsAreStandardBinaryAndFoundById() {
		Token token = new Token();
		token.id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
		token.label = "key";
		this.tokens.save(token);

		assertThat(this.tokens.findById(token.id)).get().extracting((t) -> t.label).isEqualTo("key");
		BsonDocument raw = this.template.mongo(Token.class)
			.withDocumentClass(BsonDocument.class)
			.find(new org.bson.Document("_id", token.id))
			.first();
		assertThat(raw.getBinary("_id").asUuid()).isEqualTo(token.id);
	}

	private BsonDocument raw(@Nullable Long id) {
		return this.template.mongo(Specimen.class)
			.withDocumentClass(BsonDocument.class)
			.find(new org.bson.Document("_id", id))
			.first();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

	interface SpecimenRepository extends DjongoRepository<Specimen, Long> {

	}

	interface TokenRepository extends DjongoRepository<Token, UUID> {

	}

	enum Status {

		DRAFT, PUBLISHED

	}

	@Document("token")
	static class Token {

		@Id
		@Nullable UUID id;

		@Nullable String label;

	}

	@ModelContainer
	static class Inner {

		@Nullable String name;

		int rank;

		static Inner of(String name, int rank) {
			Inner inner = new Inner();
			inner.name = name;
			inner.rank = rank;
			return inner;
		}

	}

	@ModelContainer
	static class Outer {

		@Nullable String title;

		@EmbeddedField
		@Nullable Inner inner;

		@ArrayField
		@Nullable List<Inner> inners;

		static Outer of(String title) {
			Outer outer = new Outer();
			outer.title = title;
			outer.inner = Inner.of(title + "-inner", 1);
			outer.inners = List.of(Inner.of(title + "-a", 2), Inner.of(title + "-b", 3));
			return outer;
		}

	}

	@Document("specimen")
	static class Specimen {

		@Id
		@Nullable Long id;

		@Nullable String text;

		int count;

		@Nullable Integer boxedCount;

		long big;

		double ratio;

		float single;

		boolean flag;

		@Nullable BigDecimal price;

		@Nullable Instant instant;

		@Nullable LocalDate localDate;

		@Nullable LocalDateTime localDateTime;

		@Nullable OffsetDateTime offsetDateTime;

		@Nullable UUID uuid;

		@Nullable Status status;

		byte @Nullable [] bytes;

		@Nullable ObjectId reference;

		@Nullable List<String> tags;

		@Nullable Set<Integer> numbers;

		@Nullable Map<String, Object> attributes;

		@Nullable List<List<Integer>> matrix;

		@Nullable Map<String, List<String>> index;

		@Nullable List<Map<String, Integer>> rows;

		@EmbeddedField
		@Nullable Outer outer;

		@ArrayField
		@Nullable List<Outer> outers;

		static Specimen full() {
			Specimen s = new Specimen();
			s.text = "héllo wörld ✓";
			s.count = -42;
			s.boxedCount = Integer.MAX_VALUE;
			s.big = Long.MAX_VALUE - 1;
			s.ratio = 0.1 + 0.2;
			s.single = 3.14159f;
			s.flag = true;
			s.price = new BigDecimal("12345678901234567890.1234567890");
			s.instant = Instant.parse("2024-03-01T10:15:30.123Z");
			s.localDate = LocalDate.of(1999, 12, 31);
			s.localDateTime = LocalDateTime.of(2024, 3, 31, 2, 30, 0, 456_000_000);
			s.offsetDateTime = OffsetDateTime.parse("2024-03-01T10:15:30.123Z");
			s.uuid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
			s.status = Status.PUBLISHED;
			s.bytes = new byte[] { 0, 1, -1, 127, -128 };
			s.reference = new ObjectId("65f1a2b3c4d5e6f708192a3b");
			s.tags = List.of("spring", "django");
			s.numbers = new LinkedHashSet<>(List.of(3, 1, 2));
			Map<String, Object> nested = new LinkedHashMap<>();
			nested.put("list", new ArrayList<>(List.of("a", 1L)));
			nested.put("flag", false);
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("color", "blue");
			attributes.put("size", 7);
			attributes.put("nested", nested);
			s.attributes = attributes;
			s.matrix = List.of(List.of(1, 2), List.of(3));
			s.index = Map.of("k", List.of("x", "y"));
			s.rows = List.of(Map.of("a", 1), Map.of("b", 2));
			s.outer = Outer.of("one");
			s.outers = List.of(Outer.of("two"), Outer.of("three"));
			return s;
		}

	}

}
