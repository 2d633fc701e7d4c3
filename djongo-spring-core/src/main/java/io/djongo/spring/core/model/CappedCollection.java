package io.djongo.spring.core.model;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The capped collection a model declares with {@code @Model(capped = true, maxSize = ..., maxDocuments = ...)}: what
 * its collection is created with.
 *
 * @param maxSize the size in bytes (MongoDB's {@code size}), above 0
 * @param maxDocuments the most documents kept (MongoDB's {@code max}), 0 for no limit but the size
 */
public record CappedCollection(long maxSize, long maxDocuments) {

	/** The capped collection of a model's annotation, null when not capped; a clear error naming the model if invalid. */
	static @Nullable CappedCollection of(String model, boolean container, Model annotation) {
		if (!annotation.capped()) {
			if (annotation.maxSize() != 0 || annotation.maxDocuments() != 0) {
				throw new InvalidDataAccessApiUsageException(model + ": @Model(maxSize = " + annotation.maxSize()
						+ ", maxDocuments = " + annotation.maxDocuments()
						+ ") apply to a capped collection only; add capped = true, or remove them");
			}
			return null;
		}
		if (container) {
			throw new InvalidDataAccessApiUsageException(model + ": @Model(capped = true) on a class without"
					+ " @Document: a container has no collection to cap");
		}
		if (annotation.maxSize() <= 0) {
			throw new InvalidDataAccessApiUsageException(model + ": @Model(capped = true) needs maxSize, the"
					+ " collection's size in bytes, above 0 (was " + annotation.maxSize() + ")");
		}
		if (annotation.maxDocuments() < 0) {
			throw new InvalidDataAccessApiUsageException(model + ": @Model(maxDocuments = "
					+ annotation.maxDocuments() + ") must be 0 (no limit but the size) or above");
		}
		return new CappedCollection(annotation.maxSize(), annotation.maxDocuments());
	}

	/** MongoDB's options of the {@code create} command: {@code capped: true, size: ..., max: ...}. */
	public Document options() {
		Document options = new Document("capped", true).append("size", this.maxSize);
		if (this.maxDocuments > 0) {
			options.append("max", this.maxDocuments);
		}
		return options;
	}

}
