package io.djongo.spring.core.gridfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.MongoDatabaseUtils;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * The {@link FileField @FileField} and {@link ImageField @ImageField} properties of each model, worked out once per
 * class, and the files their documents refer to.
 * <p>
 * Only a model's own properties are file fields; such annotations inside embedded documents are not supported (a
 * pending file there fails the save, as it cannot be uploaded).
 */
final class FileFields {

	private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext;

	private final MongoDatabaseFactory databaseFactory;

	private final Function<FileFieldProperty, GridFsStorage> storages;

	private final Map<Class<?>, List<FileFieldProperty>> cache = new ConcurrentHashMap<>();

	/**
	 * @param storages finds the storage of a field
	 */
	FileFields(MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext,
			MongoDatabaseFactory databaseFactory, Function<FileFieldProperty, GridFsStorage> storages) {
		this.mappingContext = mappingContext;
		this.databaseFactory = databaseFactory;
		this.storages = storages;
	}

	/** The file fields of a model, in declaration order; empty for other classes. */
	List<FileFieldProperty> of(Class<?> model) {
		List<FileFieldProperty> fields = this.cache.get(model);
		return (fields != null) ? fields : this.cache.computeIfAbsent(model, this::introspect);
	}

	/**
	 * The file fields of the models mapped to a collection, for operations that name only the collection.
	 */
	List<FileFieldProperty> ofCollection(String collection) {
		List<FileFieldProperty> fields = new ArrayList<>();
		for (MongoPersistentEntity<?> entity : this.mappingContext.getPersistentEntities()) {
			if (collection.equals(entity.getCollection())) {
				fields.addAll(of(entity.getType()));
			}
		}
		return fields;
	}

	@Nullable MongoPersistentEntity<?> entity(Class<?> model) {
		return this.mappingContext.getPersistentEntity(model);
	}

	/**
	 * An id as the document holds it: a String id of an ObjectId property is stored as an ObjectId, as Spring Data's
	 * {@code MongoConverter.convertId} does.
	 */
	static Object storedId(MongoPersistentEntity<?> entity, Object id) {
		boolean objectId = entity.getRequiredIdProperty().getFieldType() == ObjectId.class;
		return (objectId && id instanceof String text && ObjectId.isValid(text)) ? new ObjectId(text) : id;
	}

	GridFsStorage storage(FileFieldProperty field) {
		return this.storages.apply(field);
	}

	/**
	 * The file a document refers to in a field: a sub-document, or a name as Django stores it.
	 */
	@Nullable StoredFile referencedFile(Document document, FileFieldProperty field) {
		Object value = document.get(field.fieldName());
		if (value instanceof Document reference) {
			return StoredFileConverters.DocumentToStoredFile.INSTANCE.convert(reference);
		}
		if (value instanceof String name) {
			return StoredFile.named(name);
		}
		return null;
	}

	/**
	 * Deletes a file from its field's storage unless a document of the collection still refers to it in that field.
	 */
	void deleteUnlessReferenced(String collection, FileFieldProperty field, StoredFile file) {
		// inside a transaction, read in it: the deletion that dropped the reference is not visible outside yet
		MongoCollection<Document> documents = MongoDatabaseUtils.getDatabase(this.databaseFactory)
			.getCollection(collection);
		Bson reference = (file.getId() != null) ? Filters.eq(field.fieldName() + ".id", file.getId())
				: Filters.or(Filters.eq(field.fieldName(), file.getName()),
						Filters.eq(field.fieldName() + ".name", file.getName()));
		if (documents.find(reference).limit(1).first() != null) {
			return;
		}
		GridFsStorage storage = storage(field);
		if (file.getId() != null) {
			storage.delete(file);
		}
		else {
			storage.find(file.getName()).ifPresent(storage::delete);
		}
	}

	MongoCollection<Document> collection(String name) {
		return MongoDatabaseUtils.getDatabase(this.databaseFactory).getCollection(name);
	}

	private List<FileFieldProperty> introspect(Class<?> model) {
		MongoPersistentEntity<?> entity = this.mappingContext.getPersistentEntity(model);
		if (entity == null) {
			return List.of();
		}
		List<FileFieldProperty> fields = new ArrayList<>();
		for (MongoPersistentProperty property : entity) {
			FileFieldProperty field = FileFieldProperty.of(entity, property);
			if (field != null) {
				fields.add(field);
			}
		}
		return List.copyOf(fields);
	}

	/**
	 * One file field of a model, with its annotation's settings.
	 */
	record FileFieldProperty(MongoPersistentProperty property, String description, String storage, String uploadTo,
			boolean image, boolean deleteOnReplace, boolean deleteWithModel) {

		static @Nullable FileFieldProperty of(MongoPersistentEntity<?> entity, MongoPersistentProperty property) {
			FileField file = property.findAnnotation(FileField.class);
			ImageField image = property.findAnnotation(ImageField.class);
			if (file != null && image != null) {
				throw new IllegalStateException(
						describe(entity, property) + " has both @FileField and @ImageField; keep one");
			}
			if (file != null) {
				return of(entity, property, false, file.storage(), file.uploadTo(), file.deleteOnReplace(),
						file.deleteWithModel());
			}
			if (image != null) {
				return of(entity, property, true, image.storage(), image.uploadTo(), image.deleteOnReplace(),
						image.deleteWithModel());
			}
			return null;
		}

		private static FileFieldProperty of(MongoPersistentEntity<?> entity, MongoPersistentProperty property,
				boolean image, String storage, String uploadTo, boolean deleteOnReplace, boolean deleteWithModel) {
			String description = describe(entity, property);
			if (property.getType() != StoredFile.class) {
				throw new IllegalStateException(description + " is a " + property.getType().getSimpleName()
						+ ", but @FileField and @ImageField properties must be of type StoredFile");
			}
			String directory;
			try {
				directory = FileNames.directory(uploadTo);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(description + ": uploadTo '" + uploadTo + "' is not allowed: it must "
						+ "be a relative path such as 'avatars/'", ex);
			}
			return new FileFieldProperty(property, description, storage, directory, image, deleteOnReplace,
					deleteWithModel);
		}

		private static String describe(MongoPersistentEntity<?> entity, MongoPersistentProperty property) {
			return entity.getType().getSimpleName() + "." + property.getName();
		}

		/** The field's name in the document. */
		String fieldName() {
			return this.property.getFieldName();
		}

	}

}
