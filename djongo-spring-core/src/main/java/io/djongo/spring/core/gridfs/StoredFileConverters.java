package io.djongo.spring.core.gridfs;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * How a {@link StoredFile} is stored in its model's document:
 * {@code {id: ObjectId, name, size, contentType, uploadDate[, width, height]}}. GridFS files never change, so these
 * copies of the file's metadata stay true and reading a model needs no query to its bucket. A plain string, which is
 * how Django stores a file field, is read as a file known by name only.
 * <p>
 * The Spring Boot auto-configuration registers {@link #converters()} in the {@code MongoCustomConversions} bean; an
 * application with its own bean adds them there.
 */
public final class StoredFileConverters {

	private StoredFileConverters() {
	}

	/**
	 * The converters to register in {@code MongoCustomConversions}.
	 */
	public static List<Converter<?, ?>> converters() {
		return List.of(StoredFileToDocument.INSTANCE, DocumentToStoredFile.INSTANCE, NameToStoredFile.INSTANCE);
	}

	@WritingConverter
	enum StoredFileToDocument implements Converter<StoredFile, Document> {

		INSTANCE;

		@Override
		public Document convert(StoredFile file) {
			if (file.isPending()) {
				throw new IllegalStateException("File '" + file.getName() + "' has not been uploaded: only saving a "
						+ "model through a djongo repository or the DjongoTemplate uploads the files of its "
						+ "@FileField and @ImageField properties");
			}
			Document document = new Document("id", file.getId()).append("name", file.getName())
				.append("size", file.getSize())
				.append("contentType", file.getContentType())
				.append("uploadDate", (file.getUploadDate() != null) ? Date.from(file.getUploadDate()) : null);
			if (file.getWidth() != null && file.getHeight() != null) {
				document.append("width", file.getWidth()).append("height", file.getHeight());
			}
			return document;
		}

	}

	@ReadingConverter
	enum DocumentToStoredFile implements Converter<Document, StoredFile> {

		INSTANCE;

		@Override
		public StoredFile convert(Document document) {
			String name = document.getString("name");
			if (name == null) {
				throw new IllegalArgumentException("A stored file needs a name, but the document has none: "
						+ document.toJson());
			}
			ObjectId id = document.getObjectId("id");
			if (id == null) {
				return StoredFile.named(name);
			}
			Number size = document.get("size", Number.class);
			Date uploadDate = document.getDate("uploadDate");
			return StoredFile.stored(id, name, (size != null) ? size.longValue() : -1,
					document.getString("contentType"), (uploadDate != null) ? uploadDate.toInstant() : null,
					document.getInteger("width"), document.getInteger("height"), null);
		}

	}

	@ReadingConverter
	enum NameToStoredFile implements Converter<String, StoredFile> {

		INSTANCE;

		@Override
		public StoredFile convert(String name) {
			return StoredFile.named(name);
		}

	}

}
