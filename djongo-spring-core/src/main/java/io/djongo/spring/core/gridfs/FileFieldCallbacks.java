package io.djongo.spring.core.gridfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.djongo.spring.core.gridfs.FileFields.FileFieldProperty;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.core.Ordered;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.util.Assert;

/**
 * The life cycle of {@link FileField @FileField} and {@link ImageField @ImageField} properties. The
 * {@code DjongoTemplate} calls it at fixed points of each write; reading is an after-convert callback, so it runs on
 * every read path (repositories, QuerySets, templates, related models loaded lazily).
 * <ol>
 * <li><b>Saving</b> ({@link #storePendingFiles(Object)}, once the model is validated): each pending
 * {@link StoredFile} is streamed to its field's storage under {@code uploadTo} plus its safe name, images are checked
 * and measured, and the property is set to the stored file, which the converter then writes into the document. If an
 * upload fails, files uploaded for this save are deleted and nothing is written.</li>
 * <li><b>Replacing</b> ({@link #replacing(Object, String)}): before a save of a model that has an id, the files its
 * stored document refers to in {@code deleteOnReplace} fields are read (one query); after the save, those the save
 * replaced or cleared are deleted, unless another document of the collection still refers to them.</li>
 * <li><b>Deleting</b> ({@link #removing(String, Class, Supplier)}): before a delete, the files of
 * {@code deleteWithModel} fields of the matching documents are read (one query); after it, the files of the
 * documents really gone (one more query) are deleted, unless another document still refers to them.</li>
 * <li><b>Reading</b> (after convert): stored files are bound to their field's storage, so {@link StoredFile#open()}
 * works; no query is sent.</li>
 * </ol>
 * If the document write itself fails after the uploads, the new files stay in GridFS unreferenced, as in Django,
 * which also stores a file before saving its model. Nothing is kept between the calls: what a save or delete needs
 * afterwards is returned to its caller.
 */
public class FileFieldCallbacks implements AfterConvertCallback<Object>, BeanFactoryAware, Ordered {

	private static final Consumer<Object> NOTHING_REPLACED = (saved) -> {
	};

	private static final Runnable NOTHING_REMOVED = () -> {
	};

	private final FileFields fields;

	private @Nullable BeanFactory beanFactory;

	public FileFieldCallbacks(MongoDatabaseFactory databaseFactory,
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
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

	/**
	 * Uploads the pending files of a model (of a validated model: an invalid one must upload nothing).
	 * @return the model with its stored files (a copy for an immutable model)
	 * @throws InvalidFileException when a file name or an image is not acceptable; what this call uploaded is deleted
	 */
	public Object storePendingFiles(Object model) {
		List<FileFieldProperty> fileFields = this.fields.of(model.getClass());
		if (fileFields.isEmpty()) {
			return model;
		}
		PersistentPropertyAccessor<Object> accessor = Objects.requireNonNull(this.fields.entity(model.getClass()))
			.getPropertyAccessor(model);
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
		return accessor.getBean();
	}

	/**
	 * Reads the files the stored document of a model refers to in its {@code deleteOnReplace} fields (one query,
	 * none for a model without such fields or without an id), before the model is saved.
	 * @return what to call with the saved model once the save succeeded: it deletes the files replaced or cleared
	 */
	public Consumer<Object> replacing(Object model, String collection) {
		List<FileFieldProperty> replaceable = this.fields.of(model.getClass())
			.stream()
			.filter(FileFieldProperty::deleteOnReplace)
			.toList();
		MongoPersistentEntity<?> entity = this.fields.entity(model.getClass());
		if (replaceable.isEmpty() || entity == null || !entity.hasIdProperty()) {
			return NOTHING_REPLACED;
		}
		Object id = entity.getPropertyAccessor(model).getProperty(entity.getRequiredIdProperty());
		if (id == null) {
			return NOTHING_REPLACED;
		}
		Document stored = this.fields.collection(collection)
			.find(Filters.eq("_id", FileFields.storedId(entity, id)))
			.projection(Projections.include(replaceable.stream().map(FileFieldProperty::fieldName).toList()))
			.first();
		if (stored == null) {
			return NOTHING_REPLACED;
		}
		Map<FileFieldProperty, StoredFile> previous = new HashMap<>();
		for (FileFieldProperty field : replaceable) {
			StoredFile file = this.fields.referencedFile(stored, field);
			if (file != null) {
				previous.put(field, file);
			}
		}
		return previous.isEmpty() ? NOTHING_REPLACED : (saved) -> deleteReplaced(previous, saved, collection);
	}

	private void deleteReplaced(Map<FileFieldProperty, StoredFile> previous, Object saved, String collection) {
		PersistentPropertyAccessor<Object> accessor = Objects.requireNonNull(this.fields.entity(saved.getClass()))
			.getPropertyAccessor(saved);
		previous.forEach((field, old) -> {
			if (!old.equals(accessor.getProperty(field.property()))) {
				this.fields.deleteUnlessReferenced(collection, field, old);
			}
		});
	}

	/**
	 * Reads the files of {@code deleteWithModel} fields that the documents a delete matches refer to (one query,
	 * none when the model has no such field), before the delete.
	 * @param model the model deleted; null for a delete naming only the collection, which applies to the models mapped
	 * to it
	 * @param query the delete's filter, as sent; asked only when the model has such fields
	 * @return what to call once the delete succeeded: it deletes the files of the documents gone
	 */
	public Runnable removing(String collection, @Nullable Class<?> model, Supplier<Document> query) {
		List<FileFieldProperty> owned = ((model != null) ? this.fields.of(model) : this.fields.ofCollection(collection))
			.stream()
			.filter(FileFieldProperty::deleteWithModel)
			.toList();
		if (owned.isEmpty()) {
			return NOTHING_REMOVED;
		}
		List<String> projection = new ArrayList<>(owned.stream().map(FileFieldProperty::fieldName).toList());
		projection.add("_id");
		List<OwnedFile> files = new ArrayList<>();
		for (Document document : this.fields.collection(collection).find(query.get()).projection(Projections.include(projection))) {
			for (FileFieldProperty field : owned) {
				StoredFile file = this.fields.referencedFile(document, field);
				if (file != null) {
					Object owner = Objects.requireNonNull(document.get("_id"), "a stored document has an _id");
					files.add(new OwnedFile(owner, field, file));
				}
			}
		}
		return files.isEmpty() ? NOTHING_REMOVED : () -> deleteGone(collection, files);
	}

	private void deleteGone(String collection, List<OwnedFile> files) {
		Set<Object> owners = new HashSet<>();
		files.forEach((file) -> owners.add(file.owner()));
		Set<Object> remaining = new HashSet<>();
		this.fields.collection(collection)
			.find(Filters.in("_id", owners))
			.projection(Projections.include("_id"))
			.forEach((document) -> remaining.add(document.get("_id")));
		for (OwnedFile file : files) {
			if (!remaining.contains(file.owner())) {
				this.fields.deleteUnlessReferenced(collection, file.field(), file.file());
			}
		}
	}

	/** Whether a model has file fields, whose stored files this callback binds to their storage when it is read. */
	public boolean hasFileFields(Class<?> model) {
		return !this.fields.of(model).isEmpty();
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

	private record OwnedFile(Object owner, FileFieldProperty field, StoredFile file) {
	}

}
