package io.djongo.spring.core.gridfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.djongo.spring.core.gridfs.FileFields.FileFieldProperty;
import io.djongo.spring.core.schema.ModelValidator;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.util.Assert;

/**
 * The life cycle of {@link FileField @FileField} and {@link ImageField @ImageField} properties on save and read.
 * <ol>
 * <li><b>Before convert</b> (saving): a model holding a pending file is validated first by the
 * {@link ModelValidator} bean, if there is one, so that an invalid model uploads nothing; then each pending
 * {@link StoredFile} is streamed to its field's storage under
 * {@code uploadTo} plus its safe name, images are checked and measured, and the property is set to the stored file,
 * which the converter then writes into the document. If an upload fails, files uploaded for this save are deleted and
 * nothing is written. For {@code deleteOnReplace} fields of a model that has an id, the files its stored document
 * refers to are looked up first (one query).</li>
 * <li><b>After save</b>: those previous files that the save replaced or cleared are deleted, unless another document
 * of the collection still refers to them.</li>
 * <li><b>After convert</b> (reading): stored files are bound to their field's storage, so {@link StoredFile#open()}
 * works; no query is sent.</li>
 * </ol>
 * If the document write itself fails after the uploads, the new files stay in GridFS unreferenced, as in Django,
 * which also stores a file before saving its model. The callback runs after the other before-convert callbacks
 * (lowest precedence), so that ids are assigned and a model rejected by an earlier callback uploads nothing.
 */
public class FileFieldCallbacks implements BeforeConvertCallback<Object>, AfterSaveCallback<Object>,
		AfterConvertCallback<Object>, BeanFactoryAware, Ordered {

	/** Bounds what failed saves can leave behind in a thread. */
	private static final int MAX_PENDING_DELETIONS = 64;

	private static final ThreadLocal<Map<SaveKey, List<Replaced>>> replacedFiles = ThreadLocal
		.withInitial(HashMap::new);

	private final FileFields fields;

	private @Nullable BeanFactory beanFactory;

	public FileFieldCallbacks(MongoDatabaseFactory databaseFactory, MongoMappingContext mappingContext) {
		this.fields = new FileFields(mappingContext, databaseFactory, this::storage);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Object onBeforeConvert(Object entity, String collection) {
		List<FileFieldProperty> fileFields = this.fields.of(entity.getClass());
		if (fileFields.isEmpty()) {
			return entity;
		}
		MongoPersistentEntity<?> persistentEntity = Objects.requireNonNull(this.fields.entity(entity.getClass()));
		PersistentPropertyAccessor<Object> accessor = persistentEntity.getPropertyAccessor(entity);
		if (hasPendingFile(accessor, fileFields)) {
			// validators run again before the write; running them first keeps an invalid model from uploading
			validator().ifPresent((validator) -> validator.validate(entity));
		}
		Map<FileFieldProperty, StoredFile> previous = previousFiles(persistentEntity, accessor, fileFields, collection);
		List<StoredFile> uploaded = new ArrayList<>();
		try {
			for (FileFieldProperty field : fileFields) {
				if (accessor.getProperty(field.property()) instanceof StoredFile file) {
					if (file.isPending()) {
						StoredFile stored = upload(field, file);
						uploaded.add(stored);
						accessor.setProperty(field.property(), stored);
					}
					else {
						checkBucket(field, file);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			uploaded.forEach((file) -> Objects.requireNonNull(file.storage()).delete(file));
			throw ex;
		}
		rememberReplaced(persistentEntity, accessor, previous, collection);
		return accessor.getBean();
	}

	@Override
	public Object onAfterSave(Object entity, Document document, String collection) {
		Object id = document.get("_id");
		if (id == null || replacedFiles.get().isEmpty()) {
			return entity;
		}
		List<Replaced> replaced = replacedFiles.get().remove(new SaveKey(collection, id));
		if (replaced != null) {
			for (Replaced file : replaced) {
				this.fields.deleteUnlessReferenced(collection, file.field(), file.file());
			}
		}
		return entity;
	}

	@Override
	public Object onAfterConvert(Object entity, Document document, String collection) {
		List<FileFieldProperty> fileFields = this.fields.of(entity.getClass());
		if (fileFields.isEmpty()) {
			return entity;
		}
		PersistentPropertyAccessor<Object> accessor = Objects.requireNonNull(this.fields.entity(entity.getClass()))
			.getPropertyAccessor(entity);
		for (FileFieldProperty field : fileFields) {
			if (accessor.getProperty(field.property()) instanceof StoredFile file && file.storage() == null) {
				accessor.setProperty(field.property(), file.boundTo(this.fields.storage(field)));
			}
		}
		return accessor.getBean();
	}

	private static boolean hasPendingFile(PersistentPropertyAccessor<Object> accessor,
			List<FileFieldProperty> fileFields) {
		return fileFields.stream()
			.anyMatch((field) -> accessor.getProperty(field.property()) instanceof StoredFile file && file.isPending());
	}

	private Optional<ModelValidator> validator() {
		BeanFactory beans = this.beanFactory;
		return (beans != null) ? Optional.ofNullable(beans.getBeanProvider(ModelValidator.class).getIfUnique())
				: Optional.empty();
	}

	private StoredFile upload(FileFieldProperty field, StoredFile pending) {
		String fileName = FileNames.validFileName(pending.getName());
		if (fileName == null) {
			throw new InvalidFileException(field.description() + ": file name '" + pending.getName()
					+ "' has no usable characters; allowed are letters, digits, '-', '_' and '.'");
		}
		GridFsStorage storage = this.fields.storage(field);
		InputStreamSource content = Objects.requireNonNull(pending.pendingContent());
		StoredFile stored = storage.save(field.uploadTo() + fileName, content, pending.getContentType());
		return field.image() ? measureImage(field, storage, stored) : stored;
	}

	private StoredFile measureImage(FileFieldProperty field, GridFsStorage storage, StoredFile stored) {
		ImageDimensions dimensions;
		try (InputStream content = storage.open(stored)) {
			dimensions = ImageDimensions.read(content);
		}
		catch (IOException ex) {
			storage.delete(stored);
			throw new UncheckedIOException("Cannot read back " + stored.getName(), ex);
		}
		if (dimensions == null) {
			storage.delete(stored);
			throw new InvalidFileException(field.description() + ": '" + FileNames.lastSegment(stored.getName())
					+ "' is not an image the JDK can read; ImageIO reads " + readableFormats());
		}
		return stored.withDimensions(dimensions.width(), dimensions.height());
	}

	private void checkBucket(FileFieldProperty field, StoredFile file) {
		GridFsStorage from = file.storage();
		String bucket = this.fields.storage(field).getBucket();
		if (from != null && !from.getBucket().equals(bucket)) {
			throw new InvalidFileException(field.description() + ": file '" + file.getName() + "' is in GridFS bucket '"
					+ from.getBucket() + "', but this field stores files in bucket '" + bucket + "'");
		}
	}

	/**
	 * What the stored document refers to in the model's {@code deleteOnReplace} fields: one query, by id.
	 */
	private Map<FileFieldProperty, StoredFile> previousFiles(MongoPersistentEntity<?> entity,
			PersistentPropertyAccessor<Object> accessor, List<FileFieldProperty> fileFields, String collection) {
		List<FileFieldProperty> replaceable = fileFields.stream().filter(FileFieldProperty::deleteOnReplace).toList();
		Object id = entity.hasIdProperty() ? accessor.getProperty(entity.getRequiredIdProperty()) : null;
		if (replaceable.isEmpty() || id == null) {
			return Map.of();
		}
		Object storedId = FileFields.storedId(entity, id);
		Document stored = this.fields.collection(collection)
			.find(Filters.eq("_id", storedId))
			.projection(Projections.include(replaceable.stream().map(FileFieldProperty::fieldName).toList()))
			.first();
		if (stored == null) {
			return Map.of();
		}
		Map<FileFieldProperty, StoredFile> previous = new HashMap<>();
		for (FileFieldProperty field : replaceable) {
			StoredFile file = this.fields.referencedFile(stored, field);
			if (file != null) {
				previous.put(field, file);
			}
		}
		return previous;
	}

	private void rememberReplaced(MongoPersistentEntity<?> entity, PersistentPropertyAccessor<Object> accessor,
			Map<FileFieldProperty, StoredFile> previous, String collection) {
		if (previous.isEmpty()) {
			return;
		}
		List<Replaced> replaced = new ArrayList<>();
		previous.forEach((field, old) -> {
			Object current = accessor.getProperty(field.property());
			if (!old.equals(current)) {
				replaced.add(new Replaced(field, old));
			}
		});
		if (replaced.isEmpty()) {
			return;
		}
		Map<SaveKey, List<Replaced>> pending = replacedFiles.get();
		if (pending.size() >= MAX_PENDING_DELETIONS) {
			pending.clear();
		}
		Object id = Objects.requireNonNull(accessor.getProperty(entity.getRequiredIdProperty()));
		pending.put(new SaveKey(collection, FileFields.storedId(entity, id)), replaced);
	}

	private GridFsStorage storage(FileFieldProperty field) {
		return storage(this.beanFactory, field);
	}

	/**
	 * The storage bean a field names, or the default one.
	 * @throws IllegalStateException naming the field and the storages there are, when there is no such bean
	 */
	static GridFsStorage storage(@Nullable BeanFactory beans, FileFieldProperty field) {
		String name = field.storage();
		String beanName = name.isEmpty() ? GridFsStorage.DEFAULT_BEAN_NAME : name;
		Assert.state(beans != null, "File fields need a BeanFactory to find GridFsStorage beans");
		try {
			return beans.getBean(beanName, GridFsStorage.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			List<String> known = (beans instanceof ListableBeanFactory listable)
					? Arrays.asList(listable.getBeanNamesForType(GridFsStorage.class)) : List.of();
			throw new IllegalStateException(field.description() + " stores files in the GridFsStorage bean named '"
					+ beanName + "'" + (name.isEmpty() ? " (the default storage)" : "")
					+ ", but there is none; the GridFsStorage beans are " + known, ex);
		}
	}

	private static String readableFormats() {
		TreeSet<String> formats = new TreeSet<>();
		for (String format : ImageIO.getReaderFormatNames()) {
			formats.add(format.toLowerCase(Locale.ROOT));
		}
		return String.join(", ", formats);
	}

	private record SaveKey(String collection, Object id) {
	}

	private record Replaced(FileFieldProperty field, StoredFile file) {
	}

}
