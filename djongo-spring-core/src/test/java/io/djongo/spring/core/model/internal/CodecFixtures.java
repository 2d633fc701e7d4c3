package io.djongo.spring.core.model.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

import io.djongo.spring.core.gridfs.StoredFile;
import io.djongo.spring.core.gridfs.StoredFileConverters;
import io.djongo.spring.core.model.DjongoConversions;
import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.OnDelete;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.annotation.AccessType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * Models and helpers shared by the codec's unit tests: a converter configured as djongo configures it (its
 * conversions, the file-field converters, an application's own converter), and BSON in and out of it.
 */
final class CodecFixtures {

	private CodecFixtures() {
	}

	/** Spring Data's converter as djongo's auto-configuration sets it up, plus an application's converters. */
	static MappingMongoConverter converter(Object... applicationConverters) {
		List<Object> converters = new ArrayList<>(StoredFileConverters.converters());
		converters.add(MoneyToString.INSTANCE);
		converters.add(StringToMoney.INSTANCE);
		converters.addAll(List.of(applicationConverters));
		MongoCustomConversions conversions = DjongoConversions.create(converters);
		MongoMappingContext context = new DjongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		return converter;
	}

	static byte[] bytes(Document document, CodecRegistry registry) {
		BasicOutputBuffer buffer = new BasicOutputBuffer();
		registry.get(Document.class).encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().build());
		return buffer.toByteArray();
	}

	/** The BSON an insert sends for a document: encoded by the registry's codec as a collectible document. */
	static byte[] inserted(Document document, CodecRegistry registry) {
		BasicOutputBuffer buffer = new BasicOutputBuffer();
		registry.get(Document.class)
			.encode(new BsonBinaryWriter(buffer), document,
					EncoderContext.builder().isEncodingCollectibleDocument(true).build());
		return buffer.toByteArray();
	}

	static Document document(byte[] bytes, CodecRegistry registry) {
		return registry.get(Document.class).decode(reader(bytes), DecoderContext.builder().build());
	}

	static BsonBinaryReader reader(byte[] bytes) {
		return new BsonBinaryReader(ByteBuffer.wrap(bytes));
	}

	static byte[] bytes(RawBsonDocument document) {
		ByteBuffer buffer = document.getByteBuffer().asNIO();
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

	static String json(byte[] bytes) {
		return new RawBsonDocument(bytes).toJson();
	}

	static BsonDocument bson(byte[] bytes) {
		return new RawBsonDocument(bytes).toBsonDocument();
	}

	enum Status {

		DRAFT, PUBLISHED {
			@Override
			public String toString() {
				return "published!";
			}
		}

	}

	/** An application's value type, stored as a string by its own converters. */
	record Money(String currency, long cents) {
	}

	@WritingConverter
	enum MoneyToString implements Converter<Money, String> {

		INSTANCE;

		@Override
		public String convert(Money source) {
			return source.currency() + " " + source.cents();
		}

	}

	@ReadingConverter
	enum StringToMoney implements Converter<String, Money> {

		INSTANCE;

		@Override
		public Money convert(String source) {
			String[] parts = source.split(" ");
			return new Money(parts[0], Long.parseLong(parts[1]));
		}

	}

	/** An application's own converter of instants: whole seconds, where Spring Data's keeps the milliseconds. */
	@WritingConverter
	enum InstantsToSeconds implements Converter<Instant, Date> {

		INSTANCE;

		@Override
		public Date convert(Instant source) {
			return new Date(source.getEpochSecond() * 1000);
		}

	}

	/** An application's odd converter: longs written negated. */
	@WritingConverter
	enum NegatedLongs implements Converter<Long, Number> {

		INSTANCE;

		@Override
		public Number convert(Long source) {
			return -source;
		}

	}

	/** Every plain field type djongo supports. */
	@org.springframework.data.mongodb.core.mapping.Document("plain")
	static class Plain {

		@Id
		@Nullable Long id;

		@Nullable String title;

		@Field("stored_body")
		@Nullable String body;

		@Nullable Integer rating = 3;

		int views = 5;

		long big;

		double score;

		float single;

		boolean flag;

		@Nullable Boolean boxedFlag;

		@Nullable Instant publishedDate;

		@Nullable LocalDate day;

		@Nullable LocalDateTime moment;

		@Nullable OffsetDateTime offset;

		@Nullable Date legacyDate;

		@Nullable BigDecimal price;

		@Nullable BigInteger count;

		@Nullable UUID token;

		@Nullable Status status;

		@Nullable Money money;

		List<String> tags = new ArrayList<>(List.of("initial"));

		@Nullable Set<Integer> numbers = new LinkedHashSet<>();

		@Nullable SortedSet<String> sorted;

		@Nullable List<Status> statuses;

		@Nullable EnumSet<Status> statusSet;

		@Nullable List<BigDecimal> prices;

		@Nullable List<UUID> tokens;

		@Nullable List<Long> longs;

		@Nullable ObjectId ref;

		@Transient
		@Nullable String notStored = "kept";

		static Plain full() {
			Plain plain = new Plain();
			plain.id = 7L;
			plain.title = "héllo ✓";
			plain.body = "Text";
			plain.rating = 4;
			plain.views = 12;
			plain.big = Long.MAX_VALUE - 1;
			plain.score = 0.1 + 0.2;
			plain.single = 3.14159f;
			plain.flag = true;
			plain.boxedFlag = false;
			plain.publishedDate = Instant.parse("2024-03-01T10:15:30.123Z");
			plain.day = LocalDate.of(1999, 12, 31);
			plain.moment = LocalDateTime.of(2024, 3, 31, 2, 30, 0, 456_000_000);
			plain.offset = OffsetDateTime.parse("2024-03-01T10:15:30.123+02:00");
			plain.legacyDate = new Date(1_700_000_000_123L);
			plain.price = new BigDecimal("12345678901234567890.1234567890");
			plain.count = new BigInteger("123456789012345678901234567890");
			plain.token = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
			plain.status = Status.PUBLISHED;
			plain.money = new Money("CHF", 1250);
			plain.tags = new ArrayList<>(List.of("spring", "django"));
			plain.numbers = new LinkedHashSet<>(List.of(3, 1, 2));
			plain.sorted = new java.util.TreeSet<>(List.of("z", "y"));
			plain.statuses = List.of(Status.PUBLISHED, Status.DRAFT);
			plain.statusSet = EnumSet.of(Status.DRAFT);
			plain.prices = List.of(new BigDecimal("2.50"), new BigDecimal("-0.001"));
			plain.tokens = List.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
			plain.longs = List.of(1L, 2L);
			plain.ref = new ObjectId("65a1b2c3d4e5f60718293a4b");
			return plain;
		}

	}

	/** A subclass: its own entity, its own type hint. */
	static class SpecialPlain extends Plain {

		@Nullable String special;

	}

	/** Nulls written as nulls, a version, a string id that may be an ObjectId. */
	@org.springframework.data.mongodb.core.mapping.Document("nulls")
	static class WithNulls {

		@Id
		@Nullable String id;

		@Field(write = Field.Write.ALWAYS)
		@Nullable String alwaysWritten;

		@Nullable String leftOut;

		@Version
		@Nullable Long version;

	}

	@org.springframework.data.mongodb.core.mapping.Document("objectIds")
	static class WithObjectId {

		@Id
		@Nullable ObjectId id;

		@Nullable String name;

	}

	@org.springframework.data.mongodb.core.mapping.Document("uuids")
	static class WithUuidId {

		@Id
		@Nullable UUID id;

		@Nullable String name;

	}

	@org.springframework.data.mongodb.core.mapping.Document("mongoIds")
	static class WithMongoId {

		@MongoId(FieldType.OBJECT_ID)
		@Nullable String id;

	}

	@org.springframework.data.mongodb.core.mapping.Document("explicit")
	static class WithExplicitTarget {

		@Id
		@Nullable Long id;

		@Field(targetType = FieldType.STRING)
		@Nullable Integer number;

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

	static class WithNestedList {

		@Id
		@Nullable Long id;

		@Nullable List<List<Integer>> matrix;

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

	static class WithFile {

		@Id
		@Nullable Long id;

		@Nullable StoredFile file;

	}

	@org.springframework.data.mongodb.core.mapping.Document("authors")
	static class Author {

		@Id
		@Nullable Long id;

	}

	static class WithRelation {

		@Id
		@Nullable Long id;

		@ForeignKey(onDelete = OnDelete.CASCADE)
		@Nullable Author author;

	}

	/** Read and written through its getters and setters, which do more than a field would. */
	@AccessType(AccessType.Type.PROPERTY)
	static class WithPropertyAccess {

		private @Nullable Long id;

		private @Nullable String title;

		@Id
		public @Nullable Long getId() {
			return this.id;
		}

		public void setId(@Nullable Long id) {
			this.id = id;
		}

		public @Nullable String getTitle() {
			return (this.title != null) ? this.title + "!" : null;
		}

		public void setTitle(@Nullable String title) {
			this.title = (title != null) ? title.toUpperCase(java.util.Locale.ROOT) : null;
		}

	}

	/** Final fields set through withers. */
	static class WithWithers {

		@Id
		private final @Nullable Long id;

		private final @Nullable String name;

		WithWithers() {
			this(null, null);
		}

		private WithWithers(@Nullable Long id, @Nullable String name) {
			this.id = id;
			this.name = name;
		}

		WithWithers withId(@Nullable Long id) {
			return new WithWithers(id, this.name);
		}

		WithWithers withName(@Nullable String name) {
			return new WithWithers(this.id, name);
		}

	}

	static class WithObjects {

		@Id
		@Nullable Long id;

		@Nullable List<Object> things;

	}

}
