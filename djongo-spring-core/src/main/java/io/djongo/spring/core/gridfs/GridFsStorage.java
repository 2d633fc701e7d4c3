package io.djongo.spring.core.gridfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSFindIterable;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.djongo.spring.core.transaction.DjongoTransactionManager;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Django's {@code Storage} on a GridFS bucket: saves content under a unique name, finds, opens and deletes files.
 * Declare one bean per bucket ({@code @Bean GridFsStorage avatars() { return new GridFsStorage("myfiles"); }}) and
 * name it in {@link FileField#storage()}; the bean named {@value #DEFAULT_BEAN_NAME} is the default storage.
 * <p>
 * As a {@link ResourceLoader}, it hands out files as Spring {@link StoredFileResource}s by name; the resource of
 * {@code ""} is the bucket's root, usable as a location of Spring MVC's {@code ResourceHttpRequestHandler}.
 * <p>
 * Content is streamed in both directions: uploads go chunk by chunk (255 KiB), downloads fetch
 * {@value #DOWNLOAD_BATCH_CHUNKS} chunks per round trip. The content type is kept in the file's metadata as
 * {@code _contentType}, where Spring Data's {@code GridFsTemplate} looks for it.
 * <p>
 * Inside a transaction of djongo's transaction manager on the storage's database (an atomic block, a
 * {@code @Transactional} method), every call uses the transaction's session: an upload is undone with the
 * transaction. MongoDB cannot list indexes in a transaction, so the bucket's indexes are checked (and created)
 * outside it, once per storage.
 */
public class GridFsStorage implements ResourceLoader, BeanFactoryAware {

	/** The bean name of the default storage, used by fields that name none. */
	public static final String DEFAULT_BEAN_NAME = "gridFsStorage";

	/** GridFS's default bucket. */
	public static final String DEFAULT_BUCKET = "fs";

	static final String CONTENT_TYPE_KEY = "_contentType";

	static final int DOWNLOAD_BATCH_CHUNKS = 4;

	private final String bucket;

	private @Nullable MongoDatabaseFactory databaseFactory;

	private @Nullable BeanFactory beanFactory;

	/** The bucket of the storage's database, once one upload has checked its indexes. */
	private volatile @Nullable GridFSBucket checked;

	/**
	 * A storage on a bucket of the application's database, found in the application context.
	 * @param bucket the bucket name: its files live in {@code <bucket>.files} and {@code <bucket>.chunks}
	 */
	public GridFsStorage(String bucket) {
		Assert.hasText(bucket, "bucket must not be empty");
		this.bucket = bucket;
	}

	/**
	 * A storage on a bucket of the given database, for use without an application context.
	 * @param bucket the bucket name
	 * @param databaseFactory the database holding the bucket
	 */
	public GridFsStorage(String bucket, MongoDatabaseFactory databaseFactory) {
		this(bucket);
		this.databaseFactory = databaseFactory;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/** The bucket's name. */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * Stores content under a name, or under an alternative ({@code name_XXXXXXX.ext}) when the name is taken, as
	 * Django's {@code Storage.save}. The content is streamed; the source's stream is closed afterwards.
	 * @param name the name in the bucket, a relative {@code /}-separated path such as {@code "avatars/me.png"}
	 * @param content the content
	 * @param contentType the content type; {@code null} to guess it from the name
	 * @return the stored file
	 * @throws IllegalArgumentException for an absolute name or one with {@code .}, {@code ..} or empty segments
	 * @throws UncheckedIOException when the content cannot be read
	 */
	public StoredFile save(String name, InputStreamSource content, @Nullable String contentType) {
		String path = FileNames.checkPath(name);
		String type = (contentType != null && !contentType.isBlank()) ? contentType : FileNames.guessContentType(path);
		ClientSession session = session();
		GridFSBucket gridFs = (session != null) ? checkedGridFs() : gridFs();
		String candidate = getAvailableName(path);
		ObjectId id;
		GridFSUploadOptions options = new GridFSUploadOptions().metadata(new Document(CONTENT_TYPE_KEY, type));
		try (InputStream stream = content.getInputStream()) {
			id = (session != null) ? gridFs.uploadFromStream(session, candidate, stream, options)
					: gridFs.uploadFromStream(candidate, stream, options);
			this.checked = gridFs;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the content of '" + path + "'", ex);
		}
		return toStoredFile(settleName(gridFs, session, id, path, candidate));
	}

	/**
	 * Django's {@code get_available_name}: the name itself when no file has it, otherwise a free alternative.
	 * @param name a name in the bucket
	 * @return a name no file of the bucket has (at the time of asking)
	 */
	public String getAvailableName(String name) {
		String candidate = FileNames.checkPath(name);
		while (exists(candidate)) {
			candidate = FileNames.alternativeName(name);
		}
		return candidate;
	}

	/**
	 * Whether a file with this name exists in the bucket.
	 */
	public boolean exists(String name) {
		return find(Filters.eq("filename", name)).limit(1).first() != null;
	}

	/**
	 * The newest file with this name.
	 * @param name a name in the bucket
	 * @return the file, bound to this storage, or empty
	 */
	public Optional<StoredFile> find(String name) {
		GridFSFile file = find(Filters.eq("filename", name))
			.sort(Sorts.descending("uploadDate"))
			.limit(1)
			.first();
		return Optional.ofNullable(file).map(this::toStoredFile);
	}

	/**
	 * The file with this id.
	 * @param id a GridFS file id
	 * @return the file, bound to this storage, or empty
	 */
	public Optional<StoredFile> findById(ObjectId id) {
		return Optional.ofNullable(find(Filters.eq("_id", id)).first()).map(this::toStoredFile);
	}

	/**
	 * Deletes a stored file's chunks and metadata; a file already gone is ignored. Documents referring to it keep
	 * their reference.
	 * @param file a stored file of this bucket
	 */
	public void delete(StoredFile file) {
		ObjectId id = file.getId();
		Assert.notNull(id, () -> "Only a stored file can be deleted, not " + file);
		ClientSession session = session();
		try {
			if (session != null) {
				gridFs().delete(session, id);
			}
			else {
				gridFs().delete(id);
			}
		}
		catch (MongoGridFSException ex) {
			// already deleted: nothing left to do
		}
	}

	/**
	 * The newest file with this name as a resource; a resource that does not {@link StoredFileResource#exists()
	 * exist} when there is none. {@code ""} (or {@code "/"}) is the bucket's root, whose
	 * {@link StoredFileResource#createRelative(String) relative} resources are its files.
	 * @param location a name in the bucket, with or without a leading slash
	 * @return the resource
	 */
	@Override
	public StoredFileResource getResource(String location) {
		String name = location.startsWith("/") ? location.substring(1) : location;
		if (name.isEmpty() || name.endsWith("/")) {
			return new StoredFileResource(this, name, null);
		}
		return new StoredFileResource(this, name, find(name).orElse(null));
	}

	StoredFileResource getResource(StoredFile file) {
		return new StoredFileResource(this, file.getName(), file);
	}

	@Override
	public @Nullable ClassLoader getClassLoader() {
		return ClassUtils.getDefaultClassLoader();
	}

	/**
	 * Opens a stored file's content: a stream fetching a few chunks per round trip.
	 * @throws FileNotFoundException when the file is no longer in the bucket
	 */
	InputStream open(StoredFile file) throws IOException {
		try {
			ObjectId id = file.getId();
			ClientSession session = session();
			GridFSBucket gridFs = gridFs();
			if (session != null) {
				return (id != null) ? gridFs.openDownloadStream(session, id).batchSize(DOWNLOAD_BATCH_CHUNKS)
						: gridFs.openDownloadStream(session, file.getName()).batchSize(DOWNLOAD_BATCH_CHUNKS);
			}
			return (id != null) ? gridFs.openDownloadStream(id).batchSize(DOWNLOAD_BATCH_CHUNKS)
					: gridFs.openDownloadStream(file.getName()).batchSize(DOWNLOAD_BATCH_CHUNKS);
		}
		catch (MongoGridFSException ex) {
			FileNotFoundException notFound = new FileNotFoundException(
					"File '" + file.getName() + "' is not in GridFS bucket '" + this.bucket + "'");
			notFound.initCause(ex);
			throw notFound;
		}
	}

	/**
	 * Makes the uploaded file's name unique: another upload may have taken the name between the check and the
	 * upload; then this file moves to a fresh alternative, until no other file shares its name.
	 */
	private GridFSFile settleName(GridFSBucket gridFs, @Nullable ClientSession session, ObjectId id, String requested,
			String candidate) {
		String name = candidate;
		while (true) {
			Bson named = Filters.eq("filename", name);
			List<GridFSFile> sameName = ((session != null) ? gridFs.find(session, named) : gridFs.find(named))
				.into(new ArrayList<>());
			GridFSFile own = sameName.stream()
				.filter((file) -> id.equals(file.getObjectId()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Uploaded file " + id + " vanished from bucket '"
						+ this.bucket + "'"));
			if (sameName.size() == 1) {
				return own;
			}
			name = FileNames.alternativeName(requested);
			if (session != null) {
				gridFs.rename(session, id, name);
			}
			else {
				gridFs.rename(id, name);
			}
		}
	}

	private StoredFile toStoredFile(GridFSFile file) {
		Document metadata = file.getMetadata();
		String contentType = (metadata != null) ? metadata.getString(CONTENT_TYPE_KEY) : null;
		return StoredFile.stored(file.getObjectId(), file.getFilename(), file.getLength(), contentType,
				file.getUploadDate().toInstant(), null, null, this);
	}

	private GridFSBucket gridFs() {
		return GridFSBuckets.create(databaseFactory().getMongoDatabase(), this.bucket);
	}

	private GridFSFindIterable find(Bson filter) {
		ClientSession session = session();
		return (session != null) ? gridFs().find(session, filter) : gridFs().find(filter);
	}

	/**
	 * A bucket whose indexes were checked outside any transaction: the driver checks them on a bucket's first
	 * upload, with {@code listIndexes} when the bucket is empty, which MongoDB refuses in a transaction. An upload
	 * stream opened and aborted at once, without the session, runs the check.
	 */
	private GridFSBucket checkedGridFs() {
		GridFSBucket gridFs = this.checked;
		if (gridFs == null) {
			gridFs = gridFs();
			gridFs.openUploadStream(FileNames.alternativeName("index-check")).abort();
			this.checked = gridFs;
		}
		return gridFs;
	}

	/** The session of a djongo transaction on the storage's database running on this thread, or null. */
	private @Nullable ClientSession session() {
		return DjongoTransactionManager.currentSession(databaseFactory());
	}

	private MongoDatabaseFactory databaseFactory() {
		MongoDatabaseFactory factory = this.databaseFactory;
		if (factory == null) {
			BeanFactory beans = this.beanFactory;
			Assert.state(beans != null, () -> "GridFsStorage '" + this.bucket + "' has no database: declare it as a "
					+ "Spring bean or pass a MongoDatabaseFactory");
			factory = beans.getBean(MongoDatabaseFactory.class);
			this.databaseFactory = factory;
		}
		return factory;
	}

	@Override
	public String toString() {
		return "GridFsStorage[bucket=" + this.bucket + "]";
	}

}
