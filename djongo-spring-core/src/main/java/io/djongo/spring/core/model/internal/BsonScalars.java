package io.djongo.spring.core.model.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBinaryReader;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.Decoder;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Reads single BSON values into the Java values the registry's {@code Document} codec decodes them into (what the
 * converter is handed on a read), without building the document: numbers, strings, booleans, dates, decimals, object
 * ids, binaries (UUIDs as the registry's UUID representation says), nulls, and arrays of those. Anything else (a
 * nested document, a regular expression, a vector, a legacy UUID ...) is {@link ReadRules#NOT_READ}: the document is
 * then decoded whole by the registry's codec.
 * <p>
 * The {@code Document} codec is asked once, on a sample of every type read here, what it makes of them; if it makes
 * anything else of any of them than this class would (a registry customized to decode dates as {@code Instant}s,
 * say), {@link #of} returns null and nothing is read here.
 */
final class BsonScalars {

	private static final byte UUID_STANDARD = BsonBinarySubType.UUID_STANDARD.getValue();

	private static final byte UUID_LEGACY = BsonBinarySubType.UUID_LEGACY.getValue();

	private static final byte VECTOR = BsonBinarySubType.VECTOR.getValue();

	private static final DecoderContext DECODING = DecoderContext.builder().build();

	/** The registry's UUID decoder when it reads standard binary UUIDs as {@link UUID}s, else null. */
	private final @Nullable Decoder<UUID> standardUuids;

	/** Whether the registry reads legacy binary UUIDs as plain binaries. */
	private final boolean legacyUuidsAsBinary;

	private BsonScalars(@Nullable Decoder<UUID> standardUuids, boolean legacyUuidsAsBinary) {
		this.standardUuids = standardUuids;
		this.legacyUuidsAsBinary = legacyUuidsAsBinary;
	}

	/**
	 * The reader for a registry, or null when its {@code Document} codec decodes any sample otherwise than this
	 * class would.
	 */
	static @Nullable BsonScalars of(CodecRegistry registry) {
		Decoder<Document> documents;
		Decoder<UUID> uuids;
		try {
			documents = registry.get(Document.class);
			uuids = registry.get(UUID.class);
		}
		catch (CodecConfigurationException ex) {
			return null;
		}
		BsonDocument sample = sample();
		Document expected = documents.decode(reader(sample), DECODING);
		BsonScalars scalars = new BsonScalars((expected.get("uuid4") instanceof UUID) ? uuids : null,
				expected.get("uuid3") instanceof Binary);
		BsonReader reader = reader(sample);
		reader.readStartDocument();
		List<String> seen = new ArrayList<>();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			String name = reader.readName();
			seen.add(name);
			Object value = (reader.getCurrentBsonType() == BsonType.ARRAY) ? scalars.array(reader, DECODING)
					: scalars.read(reader, DECODING);
			if (value == ReadRules.NOT_READ && name.equals("uuid3")) {
				// declined, and left to the codec
				reader.skipValue();
				continue;
			}
			if (!sameValue(value, expected.get(name))) {
				return null;
			}
		}
		return seen.equals(new ArrayList<>(expected.keySet())) ? scalars : null;
	}

	private static boolean sameValue(@Nullable Object value, @Nullable Object decoded) {
		if (value == null || decoded == null) {
			return value == decoded;
		}
		if (value.getClass() != decoded.getClass()) {
			return false;
		}
		if (value instanceof List<?> list && decoded instanceof List<?> other) {
			if (list.size() != other.size()) {
				return false;
			}
			for (int i = 0; i < list.size(); i++) {
				if (!sameValue(list.get(i), other.get(i))) {
					return false;
				}
			}
			return true;
		}
		return Objects.equals(value, decoded);
	}

	private static BsonDocument sample() {
		byte[] sixteen = new byte[16];
		for (int i = 0; i < sixteen.length; i++) {
			sixteen[i] = (byte) (i * 17 + 1);
		}
		return new BsonDocument("int32", new BsonInt32(-7)).append("int64", new BsonInt64(1L << 40))
			.append("double", new BsonDouble(2.5))
			.append("string", new BsonString("s"))
			.append("boolean", BsonBoolean.TRUE)
			.append("date", new BsonDateTime(1_700_000_000_123L))
			.append("decimal", new BsonDecimal128(Decimal128.parse("19.990")))
			.append("objectId", new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")))
			.append("null", BsonNull.VALUE)
			.append("binary", new BsonBinary(new byte[] { 1, 2, 3 }))
			.append("binary16", new BsonBinary(BsonBinarySubType.BINARY, sixteen))
			.append("uuid4", new BsonBinary(BsonBinarySubType.UUID_STANDARD, sixteen))
			.append("uuid3", new BsonBinary(BsonBinarySubType.UUID_LEGACY, sixteen))
			.append("array", new BsonArray(List.of(new BsonString("a"), BsonNull.VALUE, new BsonInt32(1))))
			.append("empty", new BsonArray());
	}

	private static BsonReader reader(BsonDocument document) {
		return new BsonBinaryReader(new RawBsonDocument(document, new BsonDocumentCodec()).getByteBuffer().asNIO());
	}

	/**
	 * The current value, as the {@code Document} codec decodes it, or {@link ReadRules#NOT_READ} (then what the
	 * reader consumed is undefined: the caller starts the document again).
	 */
	@SuppressWarnings("JavaUtilDate") // what the Document codec decodes a date into
	@Nullable Object read(BsonReader reader, DecoderContext context) {
		return switch (reader.getCurrentBsonType()) {
			case STRING -> reader.readString();
			case INT32 -> Integer.valueOf(reader.readInt32());
			case INT64 -> Long.valueOf(reader.readInt64());
			case DOUBLE -> Double.valueOf(reader.readDouble());
			case BOOLEAN -> Boolean.valueOf(reader.readBoolean());
			case DATE_TIME -> new Date(reader.readDateTime());
			case DECIMAL128 -> reader.readDecimal128();
			case OBJECT_ID -> reader.readObjectId();
			case NULL -> {
				reader.readNull();
				yield null;
			}
			case BINARY -> binary(reader, context);
			default -> ReadRules.NOT_READ;
		};
	}

	/**
	 * The current array, as the {@code Document} codec decodes it (an {@link ArrayList}), or
	 * {@link ReadRules#NOT_READ} when an element is not read here.
	 */
	Object array(BsonReader reader, DecoderContext context) {
		List<@Nullable Object> elements = new ArrayList<>();
		reader.readStartArray();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			Object element = read(reader, context);
			if (element == ReadRules.NOT_READ) {
				return ReadRules.NOT_READ;
			}
			elements.add(element);
		}
		reader.readEndArray();
		return elements;
	}

	private Object binary(BsonReader reader, DecoderContext context) {
		byte subType = reader.peekBinarySubType();
		if (subType == VECTOR) {
			return ReadRules.NOT_READ;
		}
		if (reader.peekBinarySize() == 16 && (subType == UUID_STANDARD || subType == UUID_LEGACY)) {
			if (subType == UUID_LEGACY && !this.legacyUuidsAsBinary) {
				// a legacy representation reads it as a UUID in its own byte order: the codec's business
				return ReadRules.NOT_READ;
			}
			Decoder<UUID> uuids = this.standardUuids;
			if (subType == UUID_STANDARD && uuids != null) {
				return uuids.decode(reader, context);
			}
		}
		BsonBinary binary = reader.readBinaryData();
		return new Binary(binary.getType(), binary.getData());
	}

}
