package io.djongo.spring.core.gridfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * A GridFS file as a Spring {@link Resource}, or the bucket's root (a "directory" whose
 * {@link #createRelative(String) relative resources} are its files).
 * <p>
 * Unlike Spring Data's single-use {@code GridFsResource}, it can be read any number of times (each
 * {@link #getInputStream()} opens a new download stream), so Spring MVC serves it with byte ranges too. Its
 * {@link #contentLength()}, {@link #lastModified()} and {@link #getFilename()} come from the file without another
 * round trip; Spring derives the content type from the file name's extension, and {@link #getContentType()} gives the
 * stored one for {@code ResponseEntity.ok().contentType(..)}. Its URL has the form {@code gridfs://bucket/name}.
 */
public final class StoredFileResource extends AbstractResource {

	private final GridFsStorage storage;

	private final String name;

	private final @Nullable StoredFile file;

	StoredFileResource(GridFsStorage storage, String name, @Nullable StoredFile file) {
		this.storage = storage;
		this.name = name;
		this.file = file;
	}

	/**
	 * The stored file behind this resource.
	 * @return the file, or {@code null} when the resource does not exist
	 */
	public @Nullable StoredFile getStoredFile() {
		return this.file;
	}

	/**
	 * The stored content type, e.g. {@code image/png}.
	 * @return the content type, or {@code null} when the resource does not exist or none was stored
	 */
	public @Nullable String getContentType() {
		return (this.file != null) ? this.file.getContentType() : null;
	}

	@Override
	public boolean exists() {
		return this.file != null;
	}

	@Override
	public boolean isReadable() {
		return exists();
	}

	@Override
	public boolean isFile() {
		return false;
	}

	@Override
	public InputStream getInputStream() throws IOException {
		return this.storage.open(requireFile());
	}

	@Override
	public long contentLength() throws IOException {
		return requireFile().getSize();
	}

	@Override
	public long lastModified() throws IOException {
		StoredFile stored = requireFile();
		return (stored.getUploadDate() != null) ? stored.getUploadDate().toEpochMilli() : 0L;
	}

	@Override
	public @Nullable String getFilename() {
		String last = FileNames.lastSegment(this.name);
		return last.isEmpty() ? null : last;
	}

	/**
	 * A file of the same bucket, by a path relative to this resource's name.
	 */
	@Override
	public Resource createRelative(String relativePath) {
		String base = this.name.isEmpty() ? "/" : this.name;
		String path = StringUtils.applyRelativePath(base, relativePath);
		return this.storage.getResource(StringUtils.cleanPath(path));
	}

	@Override
	@SuppressWarnings("deprecation") // the URL(String, String, int, String, URLStreamHandler) constructor: Java 17
	public URL getURL() throws IOException {
		try {
			return new URL("gridfs", this.storage.getBucket(), -1, "/" + this.name, new GridFsUrlHandler(this));
		}
		catch (MalformedURLException ex) {
			throw new IOException("No URL for " + getDescription(), ex);
		}
	}

	@Override
	public String getDescription() {
		return "GridFS file [" + this.name + "] in bucket [" + this.storage.getBucket() + "]";
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof StoredFileResource that
				&& this.storage.getBucket().equals(that.storage.getBucket()) && this.name.equals(that.name));
	}

	@Override
	public int hashCode() {
		return this.storage.getBucket().hashCode() * 31 + this.name.hashCode();
	}

	private StoredFile requireFile() throws FileNotFoundException {
		if (this.file == null) {
			throw new FileNotFoundException(getDescription() + " does not exist");
		}
		return this.file;
	}

	/**
	 * Opens {@code gridfs:} URLs of this resource.
	 */
	private static final class GridFsUrlHandler extends URLStreamHandler {

		private final StoredFileResource resource;

		GridFsUrlHandler(StoredFileResource resource) {
			this.resource = resource;
		}

		@Override
		protected URLConnection openConnection(URL url) {
			return new URLConnection(url) {

				@Override
				public void connect() {
				}

				@Override
				public InputStream getInputStream() throws IOException {
					return GridFsUrlHandler.this.resource.getInputStream();
				}

				@Override
				public long getContentLengthLong() {
					StoredFile file = GridFsUrlHandler.this.resource.file;
					return (file != null) ? file.getSize() : -1;
				}

				@Override
				public @Nullable String getContentType() {
					return GridFsUrlHandler.this.resource.getContentType();
				}

			};
		}

	}

}
