package io.djongo.spring.core.model.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.mongodb.DBRef;
import com.mongodb.MongoClientSettings;
import io.djongo.spring.core.model.internal.CodecFixtures.Aliased;
import io.djongo.spring.core.model.internal.CodecFixtures.Plain;
import io.djongo.spring.core.model.internal.CodecFixtures.WithArray;
import io.djongo.spring.core.model.internal.CodecFixtures.WithConstructor;
import io.djongo.spring.core.model.internal.CodecFixtures.WithEmbedded;
import io.djongo.spring.core.model.internal.CodecFixtures.WithFile;
import io.djongo.spring.core.model.internal.CodecFixtures.WithMap;
import io.djongo.spring.core.model.internal.CodecFixtures.WithNestedList;
import io.djongo.spring.core.model.internal.CodecFixtures.WithObjects;
import io.djongo.spring.core.model.internal.CodecFixtures.WithPropertyAccess;
import io.djongo.spring.core.model.internal.CodecFixtures.WithRelation;
import io.djongo.spring.core.model.internal.CodecFixtures.WithWithers;
import org.bson.BsonBinary;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinarySubType;
import org.bson.BsonBinaryWriter;
import org.bson.BsonTimestamp;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonTypeClassMap;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodecProvider;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

import static io.djongo.spring.core.model.internal.CodecFixtures.bytes;
import static io.djongo.spring.core.model.internal.CodecFixtures.document;
import static io.djongo.spring.core.model.internal.CodecFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The decoder reads from BSON exactly the model the converter reads from the {@code Document} of the same bytes, or
 * hands over that {@code Document}: every case is compared with the converter's own result, field by field.
 */
class ModelDecoderUnitTests {

	static final MappingMongoConverter converter = CodecFixtures.converter();

	static final CodecRegistry standard = CodecRegistries
		.withUuidRepresentation(MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.STANDARD);

	static final CodecRegistry unspecified = MongoClientSettings.getDefaultCodecRegistry();

	static final CodecRegistry javaLegacy = CodecRegistries
		.withUuidRepresentation(MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.JAVA_LEGACY);

	static final ModelCodecs codecs = new ModelCodecs(converter, standard, RequiredFields.NONE);

	@Test
	void readsEveryPlainFieldTypeAsTheConverterDoes() {
		Document written = new Document();
		converter.write(Plain.full(), written);
		assertThat(written).containsKey("_class");
		assertDecodedAsConverter(codecs, standard, Plain.class, written, true);
		assertDecodedAsConverter(new ModelCodecs(converter, unspecified, RequiredFields.NONE), unspecified,
				Plain.class, written, true);
		assertDecodedAsConverter(new ModelCodecs(converter, javaLegacy, RequiredFields.NONE), javaLegacy, Plain.class,
				written, true);
	}

	@Test
	void readsFieldsInAnyOrderAndSkipsUnknownOnesOfAnyType() {
		Document written = new Document();
		converter.write(Plain.full(), written);
		List<String> keys = new ArrayList<>(written.keySet());
		java.util.Collections.reverse(keys);
		Document reversed = new Document();
		for (String key : keys) {
			reversed.append(key, written.get(key));
		}
		reversed.append("unknown", new Document("nested", List.of(1, new Document("x", Pattern.compile("a.*")))))
			.append("stamp", new BsonTimestamp(5, 1))
			.append("legacy", new Binary(BsonBinarySubType.UUID_LEGACY, new byte[16]))
			.append("pattern", Pattern.compile("^x"));
		assertDecodedAsConverter(codecs, standard, Plain.class, reversed, true);
	}

	@Test
	void keepsInitializersOfMissingFieldsAndSetsNulls() {
		assertDecodedAsConverter(codecs, standard, Plain.class, new Document("_id", 1L), true);
		assertDecodedAsConverter(codecs, standard, Plain.class,
				new Document("_id", 1L).append("title", null).append("rating", null).append("tags", null), true);
		assertDecodedAsConverter(codecs, standard, Plain.class, new Document("title", "no id"), true);
		assertDecodedAsConverter(codecs, standard, Plain.class, new Document("_id", null).append("title", "null id"),
				true);
		assertDecodedAsConverter(codecs, standard, Plain.class, new Document(), true);
	}

	@Test
	void convertsMismatchedValuesAsTheConverterDoes() {
		assertDecodedAsConverter(codecs, standard, Plain.class,
				new Document("_id", 3).append("rating", 4L).append("score", 2).append("single", 2.5), true);
		assertDecodedAsConverter(codecs, standard, Plain.class,
				new Document("_id", "12").append("title", 42).append("views", "17").append("big", 3), true);
		assertDecodedAsConverter(codecs, standard, Plain.class,
				new Document("_id", 1L).append("tags", Arrays.asList("a", null, 3)), true);
		assertDecodedAsConverter(codecs, standard, Plain.class,
				new Document("_id", 1L).append("numbers", List.of("4", 5L)).append("longs", List.of(1, 2)), true);
		assertDecodedAsConverter(codecs, standard, Plain.class, new Document("_id", 1L).append("tags", List.of()),
				true);
		assertDecodedAsConverter(codecs, standard, Plain.class,
				new Document("_id", 1L).append("price", "2.50").append("legacyDate", new Date(5)), true);
	}

	@Test
	void readsUuidsAsTheRegistryRepresentsThem() {
		UUID token = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
		Document standardUuid = new Document("_id", 1L).append("token", new Binary(BsonBinarySubType.UUID_STANDARD,
				new BsonBinary(token, UuidRepresentation.STANDARD).getData()))
			.append("tokens", List.of(new Binary(BsonBinarySubType.UUID_STANDARD,
					new BsonBinary(token, UuidRepresentation.STANDARD).getData())));
		assertDecodedAsConverter(codecs, standard, Plain.class, standardUuid, true);
		assertDecodedAsConverter(new ModelCodecs(converter, unspecified, RequiredFields.NONE), unspecified,
				Plain.class, standardUuid, true);
		// a legacy UUID (subtype 3) is the codec's in a legacy representation, and djongo's converter refuses it
		Document legacy = new Document("_id", 1L).append("token", new Binary(BsonBinarySubType.UUID_LEGACY,
				new BsonBinary(token, UuidRepresentation.JAVA_LEGACY).getData()));
		assertDecodedAsConverter(new ModelCodecs(converter, javaLegacy, RequiredFields.NONE), javaLegacy,
				Plain.class, legacy, false);
		assertDecodedAsConverter(codecs, standard, Plain.class, legacy, false);
	}

	@Test
	void honoursATypeHintNamingTheModel() {
		assertDecodedAsConverter(codecs, standard, Plain.class,
				new Document("_id", 1L).append("_class", Plain.class.getName()), true);
		assertDecodedAsConverter(codecs, standard, Plain.class, new Document("_id", 1L).append("_class", null), true);
	}

	@Test
	void handsOverTheDocumentsItCannotReadExactly() {
		for (Document document : List.of(new Document("_id", 1L).append("_class", "com.example.Other"),
				new Document("_id", 1L).append("_class", 42),
				new Document("_id", 1L).append("title", new Document("x", 1)),
				new Document("_id", 1L).append("title", new DBRef("c", 1)),
				new Document("_id", 1L).append("title", List.of("x")), new Document("_id", 1L).append("tags", "x"),
				new Document("_id", 1L).append("tags", List.of(List.of("x"))),
				new Document("_id", 1L).append("tags", List.of(new Document("x", 1))),
				new Document("_id", 1L).append("title", Pattern.compile("x")),
				new Document("_id", 1L).append("title", new BsonTimestamp(1, 1)),
				new Document("_id", new Document("a", 1)))) {
			assertDecodedAsConverter(codecs, standard, Plain.class, document, false);
		}
	}

	@Test
	void handsOverTheDocumentsTheConverterFailsOnAndOnlyThose() {
		for (Document document : List.of(new Document("_id", 1L).append("rating", "many"),
				new Document("_id", 1L).append("status", "NOPE"), new Document("_id", 1L).append("views", null),
				new Document("_id", 1L).append("money", "not-money"),
				new Document("_id", new ObjectId("65a1b2c3d4e5f60718293a4b")))) {
			byte[] bytes = bytes(document, standard);
			Object decoded = codecs.decoder(Plain.class).decode(reader(bytes), DecoderContext.builder().build());
			assertThat(decoded).isEqualTo(document(bytes, standard));
			assertThatException().isThrownBy(() -> converter.read(Plain.class, document(bytes, standard)));
		}
	}

	@Test
	void leavesModelsWithMoreThanPlainFieldsToTheConverter() {
		Map<Class<?>, Document> documents = Map.of(WithEmbedded.class,
				new Document("_id", 1L).append("inner", new Document("name", "x")), WithMap.class,
				new Document("_id", 1L).append("map", new Document("k", 1)), WithArray.class,
				new Document("_id", 1L).append("array", List.of(1, 2)), WithConstructor.class,
				new Document("_id", 1L).append("name", "x"), Aliased.class, new Document("_id", 1L),
				WithNestedList.class, new Document("_id", 1L).append("matrix", List.of(List.of(1))), WithRelation.class,
				new Document("_id", 1L).append("author_id", 2L), Document.class,
				new Document("_id", 1L));
		documents.forEach((type, document) -> {
			assertThat(codecs.decodesModels(type)).as(type.getSimpleName()).isFalse();
			assertDecodedAsConverter(codecs, standard, type, document, false);
		});
	}

	@Test
	void readsListsOfAnythingPlainAsTheConverterDoes() {
		assertThat(codecs.decodesModels(WithObjects.class)).isTrue();
		assertDecodedAsConverter(codecs, standard, WithObjects.class,
				new Document("_id", 1L).append("things", Arrays.asList(1, "a", null, 2.5, new Date(3))), true);
		assertDecodedAsConverter(codecs, standard, WithObjects.class,
				new Document("_id", 1L).append("things", List.of(new Document("x", 1))), false);
	}

	@Test
	void setsPropertiesThroughSettersAndWithersAsTheConverterDoes() {
		assertThat(codecs.decodesModels(WithPropertyAccess.class)).isTrue();
		assertDecodedAsConverter(codecs, standard, WithPropertyAccess.class,
				new Document("_id", 1L).append("title", "quiet"), true);
		assertThat(((WithPropertyAccess) codecs.decoder(WithPropertyAccess.class)
			.decode(reader(bytes(new Document("title", "quiet"), standard)), DecoderContext.builder().build()))
			.getTitle()).isEqualTo("QUIET!");
		assertDecodedAsConverter(codecs, standard, WithWithers.class, new Document("_id", 1L).append("name", "n"),
				true);
	}

	@Test
	void readsFileFieldsOnlyWhenTheyHoldNoFile() {
		assertThat(codecs.decodesModels(WithFile.class)).isTrue();
		assertDecodedAsConverter(codecs, standard, WithFile.class, new Document("_id", 1L).append("file", null), true);
		assertDecodedAsConverter(codecs, standard, WithFile.class,
				new Document("_id", 1L).append("file", new Document("id", new ObjectId()).append("name", "a.txt")),
				false);
	}

	@Test
	void readsWithoutTheDocumentOnlyWhenEveryRequiredFieldIsThere() {
		ModelCodecs enforcing = new ModelCodecs(converter, standard,
				(model) -> (model == Plain.class) ? Set.of("title", "rating") : Set.of());
		assertDecodedAsConverter(enforcing, standard, Plain.class,
				new Document("_id", 1L).append("title", "t").append("rating", 2), true);
		assertDecodedAsConverter(enforcing, standard, Plain.class,
				new Document("_id", 1L).append("title", null).append("rating", null), true);
		assertDecodedAsConverter(enforcing, standard, Plain.class, new Document("_id", 1L).append("title", "t"),
				false);
		assertDecodedAsConverter(enforcing, standard, Plain.class, new Document("_id", 1L), false);

		ModelCodecs needingDocuments = new ModelCodecs(converter, standard, (model) -> null);
		assertThat(needingDocuments.decodesModels(Plain.class)).isFalse();
		assertDecodedAsConverter(needingDocuments, standard, Plain.class, new Document("_id", 1L), false);

		ModelCodecs unknownField = new ModelCodecs(converter, standard, (model) -> Set.of("notAField"));
		assertThat(unknownField.decodesModels(Plain.class)).isFalse();
	}

	@Test
	void decodesEachDocumentOfABatchWhereItStandsAsTheDriverReadsAReply() {
		List<Document> batch = List.of(new Document("_id", 1L).append("title", "one"),
				new Document("_id", 2L).append("title", new Document("nested", true)),
				new Document("_id", 3L).append("rating", "many"), new Document("_id", 4L).append("tags", List.of("x")));
		BasicOutputBuffer buffer = new BasicOutputBuffer();
		standard.get(Document.class)
			.encode(new BsonBinaryWriter(buffer),
					new Document("cursor", new Document("firstBatch", batch).append("id", 0L)).append("ok", 1.0),
					EncoderContext.builder().build());
		BsonBinaryReader reader = reader(buffer.toByteArray());
		List<Object> decoded = new ArrayList<>();
		reader.readStartDocument();
		reader.readName("cursor");
		reader.readStartDocument();
		reader.readName("firstBatch");
		reader.readStartArray();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			decoded.add(codecs.decoder(Plain.class).decode(reader, DecoderContext.builder().build()));
		}
		reader.readEndArray();
		assertThat(reader.readInt64("id")).isZero();
		reader.readEndDocument();
		assertThat(reader.readDouble("ok")).isEqualTo(1.0);
		reader.readEndDocument();

		assertThat(decoded).hasSize(4);
		assertThat(decoded.get(0)).isInstanceOf(Plain.class).extracting("title").isEqualTo("one");
		assertThat(decoded.get(1)).isEqualTo(batch.get(1));
		assertThat(decoded.get(2)).isEqualTo(batch.get(2));
		assertThat(decoded.get(3)).isInstanceOf(Plain.class).extracting("tags").isEqualTo(List.of("x"));
	}

	@Test
	void readsNothingItselfWhenTheRegistryDecodesDocumentsOtherwise() {
		CodecRegistry datesAsInstants = CodecRegistries.fromRegistries(
				CodecRegistries.fromProviders(
						new DocumentCodecProvider(new BsonTypeClassMap(Map.of(BsonType.DATE_TIME, Instant.class)))),
				standard);
		ModelCodecs other = new ModelCodecs(converter, datesAsInstants, RequiredFields.NONE);
		assertThat(other.decodesModels(Plain.class)).isFalse();
		assertDecodedAsConverter(other, datesAsInstants, Plain.class,
				new Document("_id", 1L).append("publishedDate", new Date(5)), false);
	}

	@Test
	void readsBackWhatTheEncoderWrites() {
		Plain full = Plain.full();
		byte[] bytes = CodecFixtures.bytes(java.util.Objects.requireNonNull(codecs.encode(full)));
		Object decoded = codecs.decoder(Plain.class).decode(reader(bytes), DecoderContext.builder().build());
		Document written = new Document();
		converter.write(full, written);
		assertThat(decoded).usingRecursiveComparison()
			.withStrictTypeChecking()
			.isEqualTo(converter.read(Plain.class, written));
		assertThat(((Plain) decoded).price).isEqualByComparingTo(full.price);
	}

	@Test
	void sharesItsPlansWithTheDocumentReader() {
		Document document = new Document("_id", 9L).append("title", "via reader").append("tags", List.of("t"));
		assertThat(codecs.reader().read(Plain.class, document)).usingRecursiveComparison()
			.withStrictTypeChecking()
			.isEqualTo(converter.read(Plain.class, document));
		assertThat(codecs.reader().read(WithMap.class, new Document("_id", 1L))).isNull();
	}

	private static void assertDecodedAsConverter(ModelCodecs codecs, CodecRegistry registry, Class<?> type,
			Document document, boolean direct) {
		byte[] bytes = bytes(document, registry);
		Object decoded = codecs.decoder(type).decode(reader(bytes), DecoderContext.builder().build());
		Document expectedDocument = document(bytes, registry);
		if (!direct) {
			assertThat(decoded).as("handed over").isInstanceOf(Document.class).isEqualTo(expectedDocument);
			return;
		}
		Object expected = converter.read(type, expectedDocument);
		assertThat(decoded).as("decoded directly").isInstanceOf(type);
		assertThat(decoded).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(expected);
	}

}
