package io.djongo.spring.core.gridfs;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.util.Assert;

/**
 * The value of a {@link FileField @FileField} or {@link ImageField @ImageField} property: Django's
 * {@code FieldFile}. Immutable.
 * <p>
 * A file is either <em>pending</em>, made with {@link #of(InputStreamSource, String, String) of(..)} and holding its
 * content until the model is saved, or <em>stored</em>: in a GridFS bucket, with an id, a final name, size, content
 * type and upload date. Saving a model replaces each pending file with the stored one; its content is streamed to
 * GridFS and never held in memory as a whole. A stored file read with its model is bound to its
 * {@link GridFsStorage}, so {@link #open()} and {@link #getResource()} stream the content back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class StoredFile {

	private final @Nullable ObjectId id;

	private final String name;

	private final long size;

	private final @Nullable String contentType;

	private final @Nullable Instant uploadDate;

	private final @Nullable Integer width;

	private final @Nullable Integer height;

	private final @Nullable InputStreamSource content;

	private final @Nullable GridFsStorage storage;

	private StoredFile(@Nullable ObjectId id, String name, long size, @Nullable String contentType,
			@Nullable Instant uploadDate, @Nullable Integer width, @Nullable Integer height,
			@Nullable InputStreamSource content, @Nullable GridFsStorage storage) {
		this.id = id;
		this.name = name;
		this.size = size;
		this.contentType = contentType;
		this.uploadDate = uploadDate;
		this.width = width;
		this.height = height;
		this.content = content;
		this.storage = storage;
	}

	/**
	 * A new file, uploaded when the model holding it is saved. The content is opened once, at upload.
	 * @param content where to read the content: a {@link Resource}, a Spring {@code MultipartFile}, ...
	 * @param name the file's name as given by the user, e.g. {@code "me.png"}; only its last path segment is used,
	 * made safe as Django's {@code get_valid_filename} does
	 * @param contentType the content type, e.g. {@code "image/png"}; {@code null} to guess it from the name
	 * @return a pending file
	 */
	public static StoredFile of(InputStreamSource content, String name, @Nullable String contentType) {
		Assert.notNull(content, "content must not be null");
		Assert.hasText(name, "name must not be empty");
		return new StoredFile(null, name, -1, contentType, null, null, null, content, null);
	}

	/**
	 * A new file whose content is read from a stream, once, when the model holding it is saved. The stream is closed
	 * after the upload.
	 * @param content the content
	 * @param name the file's name as given by the user
	 * @param contentType the content type; {@code null} to guess it from the name
	 * @return a pending file
	 */
	public static StoredFile of(InputStream content, String name, @Nullable String contentType) {
		Assert.notNull(content, "content must not be null");
		return of(new SingleUseSource(content, name), name, contentType);
	}

	/**
	 * A new file with the content, name and (guessed) content type of a resource.
	 * @param resource a resource with a file name, e.g. a {@code FileSystemResource}
	 * @return a pending file
	 */
	public static StoredFile of(Resource resource) {
		String filename = resource.getFilename();
		Assert.hasText(filename, () -> resource + " has no file name; use StoredFile.of(resource, name, contentType)");
		return of(resource, filename, null);
	}

	static StoredFile stored(ObjectId id, String name, long size, @Nullable String contentType,
			@Nullable Instant uploadDate,
			@Nullable Integer width, @Nullable Integer height, @Nullable GridFsStorage storage) {
		return new StoredFile(id, name, size, contentType, uploadDate, width, height, null, storage);
	}

	/** A file known only by name, as Django stores it: the value of a migrated document. */
	static StoredFile named(String name) {
		return new StoredFile(null, name, -1, null, null, null, null, null, null);
	}

	StoredFile withDimensions(int width, int height) {
		return new StoredFile(this.id, this.name, this.size, this.contentType, this.uploadDate, width, height, null,
				this.storage);
	}

	StoredFile boundTo(GridFsStorage storage) {
		return new StoredFile(this.id, this.name, this.size, this.contentType, this.uploadDate, this.width,
				this.height, null, storage);
	}

	/**
	 * The GridFS id of a stored file.
	 * @return the id; {@code null} while pending, or for a file known only by name
	 */
	@JsonIgnore
	public @Nullable ObjectId getId() {
		return this.id;
	}

	/**
	 * The file's name: in its bucket once stored (e.g. {@code "avatars/me_k3J9xQ2.png"}), as given while pending.
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The size in bytes; {@code -1} while pending.
	 */
	public long getSize() {
		return this.size;
	}

	/**
	 * The content type, e.g. {@code "image/png"}; {@code null} while pending when none was given.
	 */
	public @Nullable String getContentType() {
		return this.contentType;
	}

	/**
	 * When the file was stored; {@code null} while pending.
	 */
	public @Nullable Instant getUploadDate() {
		return this.uploadDate;
	}

	/**
	 * The width in pixels of an {@link ImageField @ImageField} image; {@code null} otherwise.
	 */
	public @Nullable Integer getWidth() {
		return this.width;
	}

	/**
	 * The height in pixels of an {@link ImageField @ImageField} image; {@code null} otherwise.
	 */
	public @Nullable Integer getHeight() {
		return this.height;
	}

	/**
	 * Whether the file waits for its model to be saved.
	 */
	@JsonIgnore
	public boolean isPending() {
		return this.content != null;
	}

	/**
	 * The stored file as a Spring {@link Resource}: re-readable, with its length, upload date and file name, for
	 * {@code ResponseEntity<Resource>} and resource handlers.
	 * @return the resource
	 * @throws IllegalStateException while pending, or when the file was not read through djongo
	 */
	@JsonIgnore
	public StoredFileResource getResource() {
		return requireStorage().getResource(this);
	}

	/**
	 * Opens the stored content as a stream, read from GridFS chunk by chunk. The caller closes it.
	 * @return the content
	 * @throws IOException when the file no longer exists in its bucket
	 * @throws IllegalStateException while pending, or when the file was not read through djongo
	 */
	public InputStream open() throws IOException {
		return requireStorage().open(this);
	}

	@Nullable InputStreamSource pendingContent() {
		return this.content;
	}

	@Nullable GridFsStorage storage() {
		return this.storage;
	}

	private GridFsStorage requireStorage() {
		Assert.state(this.content == null,
				() -> "File '" + this.name + "' is pending: save the model holding it first");
		GridFsStorage current = this.storage;
		Assert.state(current != null, () -> "File '" + this.name + "' is not bound to a GridFsStorage: read its model "
				+ "through a djongo repository or DjongoTemplate, or use GridFsStorage.find(..)");
		return current;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof StoredFile that) || isPending() || that.isPending()) {
			return false;
		}
		return Objects.equals(this.id, that.id) && this.name.equals(that.name);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id, this.name);
	}

	@Override
	public String toString() {
		return "StoredFile[" + this.name + (isPending() ? ", pending" : ", " + this.size + " bytes") + "]";
	}

	/**
	 * A stream that may be read once, for {@link #of(InputStream, String, String)}.
	 */
	private static final class SingleUseSource implements InputStreamSource {

		private final InputStream stream;

		private final String name;

		private final AtomicBoolean used = new AtomicBoolean();

		SingleUseSource(InputStream stream, String name) {
			this.stream = stream;
			this.name = name;
		}

		@Override
		public InputStream getInputStream() {
			Assert.state(this.used.compareAndSet(false, true),
					() -> "The content stream of '" + this.name + "' has already been read");
			return this.stream;
		}

	}

}
