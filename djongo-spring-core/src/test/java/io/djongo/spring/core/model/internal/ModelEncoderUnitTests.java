package io.djongo.spring.core.model.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.mongodb.MongoClientSettings;
import io.djongo.spring.core.gridfs.StoredFile;
import io.djongo.spring.core.model.internal.CodecFixtures.Author;
import io.djongo.spring.core.model.internal.CodecFixtures.Inner;
import io.djongo.spring.core.model.internal.CodecFixtures.Plain;
import io.djongo.spring.core.model.internal.CodecFixtures.SpecialPlain;
import io.djongo.spring.core.model.internal.CodecFixtures.WithArray;
import io.djongo.spring.core.model.internal.CodecFixtures.WithEmbedded;
import io.djongo.spring.core.model.internal.CodecFixtures.WithExplicitTarget;
import io.djongo.spring.core.model.internal.CodecFixtures.WithFile;
import io.djongo.spring.core.model.internal.CodecFixtures.WithMap;
import io.djongo.spring.core.model.internal.CodecFixtures.WithMongoId;
import io.djongo.spring.core.model.internal.CodecFixtures.WithNestedList;
import io.djongo.spring.core.model.internal.CodecFixtures.WithNulls;
import io.djongo.spring.core.model.internal.CodecFixtures.WithObjectId;
import io.djongo.spring.core.model.internal.CodecFixtures.WithObjects;
import io.djongo.spring.core.model.internal.CodecFixtures.WithPropertyAccess;
import io.djongo.spring.core.model.internal.CodecFixtures.WithRelation;
import io.djongo.spring.core.model.internal.CodecFixtures.WithUuidId;
import io.djongo.spring.core.model.internal.CodecFixtures.WithWithers;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.CollectibleCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

import static io.djongo.spring.core.model.internal.CodecFixtures.bytes;
import static io.djongo.spring.core.model.internal.CodecFixtures.inserted;
import static io.djongo.spring.core.model.internal.CodecFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The encoder writes exactly the bytes an insert sends for the document the converter writes, or leaves the model
 * to the converter: every case is compared with the converter's own document, byte by byte.
 */
class ModelEncoderUnitTests {

	static final MappingMongoConverter converter = CodecFixtures.converter();

	static final CodecRegistry standard = CodecRegistries
		.withUuidRepresentation(MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.STANDARD);

	static final CodecRegistry unspecified = MongoClientSettings.getDefaultCodecRegistry();

	static final ModelCodecs codecs = new ModelCodecs(converter, standard, RequiredFields.NONE);

	@Test
	void writesEveryPlainFieldTypeAsTheConverterDoes() {
		assertEncodedAsConverter(codecs, standard, Plain.full());
		assertEncodedAsConverter(new ModelCodecs(converter, unspecified, RequiredFields.NONE), unspecified,
				Plain.full());
	}

	@Test
	void leavesOutNullsAndWritesInitialValues() {
		assertEncodedAsConverter(codecs, standard, new Plain());
		Plain withNulls = Plain.full();
		withNulls.tags = new ArrayList<>(Arrays.asList("a", null));
		withNulls.title = null;
		withNulls.numbers = null;
		withNulls.longs = new ArrayList<>();
		assertEncodedAsConverter(codecs, standard, withNulls);
	}

	@Test
	void writesNullsTheModelAsksForAndIdsAsTheConverterConvertsThem() {
		WithNulls model = new WithNulls();
		assertEncodedAsConverter(codecs, standard, model);
		model.id = "65a1b2c3d4e5f60718293a4b";
		model.version = 3L;
		assertEncodedAsConverter(codecs, standard, model);
		model.id = "not an object id";
		model.leftOut = "now set";
		assertEncodedAsConverter(codecs, standard, model);

		WithObjectId objectId = new WithObjectId();
		assertEncodedAsConverter(codecs, standard, objectId);
		objectId.id = new ObjectId("65a1b2c3d4e5f60718293a4b");
		assertEncodedAsConverter(codecs, standard, objectId);

		WithUuidId uuid = new WithUuidId();
		uuid.id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
		assertEncodedAsConverter(codecs, standard, uuid);
		assertEncodedAsConverter(new ModelCodecs(converter, unspecified, RequiredFields.NONE), unspecified, uuid);
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void convertsElementsToTheDeclaredElementTypeAsTheConverterDoes() {
		Plain polluted = new Plain();
		polluted.id = 1L;
		List longs = new ArrayList<>(List.of(1L));
		longs.add(2);
		longs.add("3");
		polluted.longs = longs;
		assertEncodedAsConverter(codecs, standard, polluted);

		WithObjects objects = new WithObjects();
		objects.things = Arrays.asList(1, "a", null, new BigDecimal("1.5"), CodecFixtures.Status.DRAFT,
				UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
		assertEncodedAsConverter(codecs, standard, objects);
	}

	@Test
	void readsPropertiesThroughGettersAsTheConverterDoes() {
		WithPropertyAccess model = new WithPropertyAccess();
		model.setId(3L);
		model.setTitle("loud");
		assertEncodedAsConverter(codecs, standard, model);
		assertThat(java.util.Objects.requireNonNull(codecs.encode(model)).getString("title").getValue())
			.isEqualTo("LOUD!");
		assertEncodedAsConverter(codecs, standard, new WithWithers().withId(4L).withName("n"));
	}

	@Test
	void convertsNumbersByTheApplicationsConvertersToo() {
		MappingMongoConverter negating = CodecFixtures.converter(CodecFixtures.NegatedLongs.INSTANCE);
		ModelCodecs negatingCodecs = new ModelCodecs(negating, standard, RequiredFields.NONE);
		Plain plain = Plain.full();
		Document document = new Document();
		negating.write(plain, document);
		assertThat(document.get("big")).isEqualTo(-plain.big);
		assertThat(bytes(java.util.Objects.requireNonNull(negatingCodecs.encode(plain))))
			.isEqualTo(inserted(document, standard));
	}

	@Test
	void writesInstantsAsTheConverterDoesBeforeTheEpochAndBelowAMillisecond() {
		for (String instant : List.of("1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
				"1869-06-01T12:00:00.000500Z", "2024-03-01T10:15:30.123456789Z", "+10000-01-01T00:00:00.001Z")) {
			Plain plain = Plain.full();
			plain.publishedDate = Instant.parse(instant);
			assertEncodedAsConverter(codecs, standard, plain);
		}
	}

	@Test
	void writesInstantsByTheApplicationsConverterWhenItHasOne() {
		MappingMongoConverter seconds = CodecFixtures.converter(CodecFixtures.InstantsToSeconds.INSTANCE);
		ModelCodecs secondsCodecs = new ModelCodecs(seconds, standard, RequiredFields.NONE);
		Plain plain = Plain.full();
		plain.publishedDate = Instant.parse("2024-03-01T10:15:30.123Z");
		Document document = new Document();
		seconds.write(plain, document);
		assertThat(document.get("publishedDate")).isEqualTo(new java.util.Date(1_709_288_130_000L));
		assertThat(bytes(java.util.Objects.requireNonNull(secondsCodecs.encode(plain))))
			.isEqualTo(inserted(document, standard));
	}

	@Test
	void leavesAnInstantBeyondDatesRangeToTheConverter() {
		Plain plain = Plain.full();
		plain.publishedDate = Instant.MAX;
		assertThatException().isThrownBy(() -> converter.write(plain, new Document()));
		assertThat(codecs.encode(plain)).isNull();
		assertThat(codecs.document(plain)).isNull();
	}

	@Test
	void writesTheTypeHintOfTheModelsOwnClass() {
		SpecialPlain special = new SpecialPlain();
		special.id = 2L;
		special.special = "yes";
		assertEncodedAsConverter(codecs, standard, special);
		assertThat(RawBsonDocument.class.cast(codecs.encode(special)).getString("_class").getValue())
			.isEqualTo(SpecialPlain.class.getName());
	}

	@Test
	void writesAFileFieldOnlyAsTheConverterDoes() {
		WithFile empty = new WithFile();
		empty.id = 1L;
		assertEncodedAsConverter(codecs, standard, empty);
	}

	@Test
	void leavesModelsWithMoreThanPlainFieldsToTheConverter() {
		WithEmbedded embedded = new WithEmbedded();
		embedded.inner = new Inner();
		WithMap map = new WithMap();
		WithArray array = new WithArray();
		WithNestedList nested = new WithNestedList();
		WithRelation relation = new WithRelation();
		relation.author = new Author();
		for (Object model : List.of(embedded, map, array, nested, relation, new WithExplicitTarget(),
				new WithMongoId())) {
			assertThat(codecs.encode(model)).as(model.getClass().getSimpleName()).isNull();
			assertThat(codecs.document(model)).as(model.getClass().getSimpleName()).isNull();
		}
	}

	@Test
	void leavesValuesItCannotWriteExactlyToTheConverter() {
		WithObjects objects = new WithObjects();
		objects.things = List.of(List.of(1));
		assertThat(codecs.encode(objects)).isNull();
		objects.things = List.of(new Inner());
		assertThat(codecs.encode(objects)).isNull();
		WithFile file = new WithFile();
		file.file = StoredFile.of(new org.springframework.core.io.ByteArrayResource(new byte[] { 1 }) {

			@Override
			public String getFilename() {
				return "a.txt";
			}

		});
		// whatever the converter makes of a file, the encoder writes the same or leaves it to the converter
		RawBsonDocument written = codecs.encode(file);
		if (written != null) {
			Document document = new Document();
			converter.write(file, document);
			assertThat(bytes(written)).isEqualTo(inserted(document, standard));
		}
	}

	@Test
	void leavesTheFailuresToTheConverter() {
		Plain tooPrecise = Plain.full();
		tooPrecise.price = new BigDecimal("1.2345678901234567890123456789012345678");
		assertThat(codecs.encode(tooPrecise)).isNull();
		assertThat(codecs.document(tooPrecise)).isNull();
		assertThatException().isThrownBy(() -> converter.write(tooPrecise, new Document()))
			.withStackTraceContaining("inexact rounding");
	}

	@Test
	void encodesABatchInOrderAcrossSharedBuffers() {
		List<Object> models = new ArrayList<>();
		for (int i = 0; i < 4_000; i++) {
			Plain plain = Plain.full();
			plain.id = (long) i;
			plain.body = "x".repeat(i % 700);
			models.add(plain);
			if (i % 1_000 == 500) {
				models.add(new WithMap());
			}
		}
		List<RawBsonDocument> documents = codecs.encode(models);
		assertThat(documents).hasSize(models.size());
		int declined = 0;
		for (int i = 0; i < models.size(); i++) {
			if (models.get(i) instanceof WithMap) {
				assertThat(documents.get(i)).isNull();
				declined++;
				continue;
			}
			Document expected = new Document();
			converter.write(models.get(i), expected);
			assertThat(bytes(documents.get(i))).as("model %d", i).isEqualTo(inserted(expected, standard));
		}
		assertThat(declined).isEqualTo(4);
		assertThat(documents.stream().filter((d) -> d != null).map((d) -> d.getByteBuffer().array()).distinct().count())
			.as("shared arrays")
			.isBetween(2L, 10L);
	}

	private static void assertEncodedAsConverter(ModelCodecs codecs, CodecRegistry registry, Object model) {
		Document document = new Document();
		converter.write(model, document);
		byte[] expected = inserted(document, registry);
		RawBsonDocument actual = codecs.encode(model);
		assertThat(actual).as("encoded directly").isNotNull();
		assertThat(json(bytes(actual))).isEqualTo(json(expected));
		assertThat(bytes(actual)).isEqualTo(expected);
		Document written = codecs.document(model);
		assertThat(written).as("written directly").isNotNull();
		assertSameDocument(written, document);
		Object converted = codecs.convert(model);
		if (!document.containsKey("_id")) {
			assertThat(converted).as("converted without an id").isNull();
			return;
		}
		assertThat(converted).as("converted").isNotNull();
		assertThat(insertedByCodec(codecs, converted)).isEqualTo(expected);
		assertThat(codecs.id(converted)).isEqualTo(document.get("_id"));
	}

	private static byte[] insertedByCodec(ModelCodecs codecs, Object value) {
		BasicOutputBuffer buffer = new BasicOutputBuffer();
		codecs.insertCodec()
			.encode(new BsonBinaryWriter(buffer), value,
					EncoderContext.builder().isEncodingCollectibleDocument(true).build());
		return buffer.toByteArray();
	}

	@Test
	@SuppressWarnings("unchecked")
	void insertCodecEncodesTheConvertersDocumentsAsTheDocumentCodecAndGivesThemIds() {
		Document document = new Document("title", "converter's").append("_id", 5L);
		CollectibleCodec<Object> insert = (CollectibleCodec<Object>) codecs.insertCodec();
		assertThat(insertedByCodec(codecs, document)).isEqualTo(inserted(document, standard));
		assertThat(insert.documentHasId(document)).isTrue();
		Document without = new Document("title", "no id");
		assertThat(insert.documentHasId(without)).isFalse();
		insert.generateIdIfAbsentFromDocument(without);
		assertThat(without.get("_id")).isInstanceOf(ObjectId.class);
		Plain plain = Plain.full();
		Object converted = java.util.Objects.requireNonNull(codecs.convert(plain));
		assertThat(insert.documentHasId(converted)).isTrue();
		assertThat(insert.generateIdIfAbsentFromDocument(converted)).isSameAs(converted);
		assertThat(insert.getDocumentId(converted)).isEqualTo(new org.bson.BsonInt64(7L));
		assertThat(codecs.convert(new WithMap())).isNull();
	}

	/** The same keys in the same order, the same values of the same classes. */
	private static void assertSameDocument(Document actual, Document expected) {
		assertThat(new ArrayList<>(actual.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
		expected.forEach((key, value) -> assertSameValue(key, actual.get(key), value));
	}

	private static void assertSameValue(String path, Object actual, Object expected) {
		if (expected == null) {
			assertThat(actual).as(path).isNull();
			return;
		}
		assertThat(actual).as(path).isNotNull();
		assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
		if (expected instanceof List<?> list) {
			List<?> other = (List<?>) actual;
			assertThat(other).as(path).hasSameSizeAs(list);
			for (int i = 0; i < list.size(); i++) {
				assertSameValue(path + "[" + i + "]", other.get(i), list.get(i));
			}
			return;
		}
		if (expected instanceof Document nested) {
			assertSameDocument((Document) actual, nested);
			return;
		}
		if (expected instanceof byte[] bytes) {
			assertThat((byte[]) actual).as(path).isEqualTo(bytes);
			return;
		}
		assertThat(actual).as(path).isEqualTo(expected);
	}

}
