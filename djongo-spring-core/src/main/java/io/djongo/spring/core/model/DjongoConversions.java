package io.djongo.spring.core.model;

import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.BsonBinarySubType;
import org.bson.types.Binary;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/**
 * How djongo stores Java field types, as Django and djongo do, whatever the client's settings:
 * <ul>
 * <li>{@code BigDecimal} and {@code BigInteger} as Decimal128: every digit kept, or an exception when a value needs
 * more than 34 digits.</li>
 * <li>{@code UUID} as standard binary (subtype 4).</li>
 * <li>{@code Instant}, {@code LocalDateTime}, {@code OffsetDateTime} as BSON dates, in UTC, with millisecond
 * precision; {@code LocalDate} as midnight UTC. A {@code LocalDateTime} is read as the UTC wall-clock time it was
 * written with, independent of the JVM's time zone. An {@code OffsetDateTime} keeps its instant and is read back at
 * offset {@code Z} (Django's {@code USE_TZ}: aware datetimes are stored in UTC).</li>
 * </ul>
 * The Spring Boot auto-configuration registers {@link #create()} as the {@code MongoCustomConversions} bean; an
 * application defining its own bean can start from {@link #converters()} or {@link #create(List)}.
 */
public final class DjongoConversions {

	private DjongoConversions() {
	}

	/**
	 * djongo's conversions.
	 */
	public static MongoCustomConversions create() {
		return create(List.of());
	}

	/**
	 * djongo's conversions plus the application's converters, which take precedence.
	 * @param converters additional converters, as accepted by {@link MongoCustomConversions}
	 */
	public static MongoCustomConversions create(List<?> converters) {
		List<Object> all = new ArrayList<>(converters);
		all.addAll(converters());
		return MongoCustomConversions.create((adapter) -> adapter.bigDecimal(BigDecimalRepresentation.DECIMAL128)
			.useNativeDriverJavaTimeCodecs()
			.registerConverters(all));
	}

	/**
	 * The converters djongo adds to Spring Data's defaults (OffsetDateTime and UUID).
	 */
	public static List<Converter<?, ?>> converters() {
		return List.of(OffsetDateTimeToDate.INSTANCE, DateToOffsetDateTime.INSTANCE, UuidToBinary.INSTANCE,
				BinaryToUuid.INSTANCE);
	}

	@WritingConverter
	enum OffsetDateTimeToDate implements Converter<OffsetDateTime, Date> {

		INSTANCE;

		@Override
		public Date convert(OffsetDateTime source) {
			return Date.from(source.toInstant());
		}

	}

	@ReadingConverter
	enum DateToOffsetDateTime implements Converter<Date, OffsetDateTime> {

		INSTANCE;

		@Override
		public OffsetDateTime convert(Date source) {
			return source.toInstant().atOffset(ZoneOffset.UTC);
		}

	}

	@WritingConverter
	enum UuidToBinary implements Converter<UUID, Binary> {

		INSTANCE;

		@Override
		public Binary convert(UUID source) {
			ByteBuffer bytes = ByteBuffer.allocate(16);
			bytes.putLong(source.getMostSignificantBits()).putLong(source.getLeastSignificantBits());
			return new Binary(BsonBinarySubType.UUID_STANDARD, bytes.array());
		}

	}

	@ReadingConverter
	enum BinaryToUuid implements Converter<Binary, UUID> {

		INSTANCE;

		@Override
		public UUID convert(Binary source) {
			if (source.getType() != BsonBinarySubType.UUID_STANDARD.getValue() || source.length() != 16) {
				throw new IllegalArgumentException("Cannot read binary subtype " + source.getType() + " of "
						+ source.length() + " bytes as a UUID: djongo stores UUIDs as standard binary (subtype 4)");
			}
			ByteBuffer bytes = ByteBuffer.wrap(source.getData());
			return new UUID(bytes.getLong(), bytes.getLong());
		}

	}

}
