package io.djongo.spring.core.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;

/**
 * A bulk create ({@code bulkCreate}, {@code insertAll}, {@code saveAll} of new models) of which the server refused
 * some models, for a unique index: it says which models failed and why, which were written and, for an ordered write,
 * which were not attempted. MongoDB's semantics: an <em>ordered</em> write (the default) stops at the first refused
 * model, so those before it are written and those after it are not; an <em>unordered</em> one writes every model it
 * does not refuse. Nothing else is lost: every model is in exactly one of {@link #getFailures() failures},
 * {@link #getWritten() written} and {@link #getNotAttempted() not attempted}.
 * <p>
 * It is the {@link DuplicateKeyException} Spring Data raises for such a write, with the detail per model.
 */
public class BulkCreateException extends DuplicateKeyException {

	private static final long serialVersionUID = 1L;

	private final transient List<Failure> failures;

	private final transient List<Object> written;

	private final transient List<Object> notAttempted;

	private final boolean ordered;

	/**
	 * One refused model.
	 * @param index its position in the bulk create, from 0
	 * @param model the model as it was given
	 * @param code the server's error code (11000 for a duplicate key)
	 * @param message the server's message, naming the index and the duplicate key
	 */
	public record Failure(int index, Object model, int code, String message) {
	}

	/**
	 * The failure of a bulk create of these models.
	 * @param models the models in the order they were given
	 * @param ordered whether the write stopped at the first failure
	 * @param errors the server's errors, indexed by position among the models
	 * @param cause what Spring Data raised for it
	 */
	public BulkCreateException(List<?> models, boolean ordered, List<BulkWriteError> errors, Throwable cause) {
		super(summary(models, ordered, errors), cause);
		this.ordered = ordered;
		List<Failure> failed = new ArrayList<>();
		boolean[] refused = new boolean[models.size()];
		int first = firstIndex(models, errors);
		for (BulkWriteError error : errors) {
			int index = error.getIndex();
			if (index >= 0 && index < models.size()) {
				refused[index] = true;
				failed.add(new Failure(index, models.get(index), error.getCode(), error.getMessage()));
			}
		}
		failed.sort((a, b) -> Integer.compare(a.index(), b.index()));
		List<Object> written = new ArrayList<>();
		List<Object> notAttempted = new ArrayList<>();
		for (int i = 0; i < models.size(); i++) {
			if (!refused[i]) {
				((ordered && i > first) ? notAttempted : written).add(models.get(i));
			}
		}
		this.failures = Collections.unmodifiableList(failed);
		this.written = Collections.unmodifiableList(written);
		this.notAttempted = Collections.unmodifiableList(notAttempted);
	}

	/**
	 * The failure of a bulk create, from what Spring Data raised for it, or null when it holds no driver report.
	 * @param models the models in the order they were sent
	 * @param ordered whether the write stopped at the first failure
	 */
	public static @Nullable BulkCreateException of(List<?> models, boolean ordered, Throwable raised) {
		for (Throwable cause = raised; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoBulkWriteException report) {
				return new BulkCreateException(models, ordered, report.getWriteErrors(), raised);
			}
		}
		return null;
	}

	private static int firstIndex(List<?> models, List<BulkWriteError> errors) {
		int first = models.size();
		for (BulkWriteError error : errors) {
			first = Math.min(first, error.getIndex());
		}
		return first;
	}

	private static String summary(List<?> models, boolean ordered, List<BulkWriteError> errors) {
		List<String> failures = new ArrayList<>();
		for (BulkWriteError error : errors) {
			failures.add("[" + error.getIndex() + "] " + error.getMessage());
		}
		int first = firstIndex(models, errors);
		String outcome;
		if (!ordered) {
			outcome = "unordered: every other model is written";
		}
		else {
			String before = (first == 0) ? "none before it is written" : "models 0 to " + (first - 1) + " are written";
			String after = (first + 1 < models.size())
					? ", models " + (first + 1) + " to " + (models.size() - 1) + " are not attempted" : "";
			outcome = "ordered: the write stopped at model " + first + ", " + before + after;
		}
		Object sample = models.isEmpty() ? null : models.get(0);
		String type = (sample != null) ? sample.getClass().getSimpleName() + " models" : "models";
		return errors.size() + " of " + models.size() + " " + type + " not created (" + outcome + "): "
				+ String.join("; ", failures);
	}

	/** The refused models, by position. */
	public List<Failure> getFailures() {
		return this.failures;
	}

	/** The models written, in order. */
	public List<Object> getWritten() {
		return this.written;
	}

	/** The models after the first failure of an ordered write, which were not sent; empty when unordered. */
	public List<Object> getNotAttempted() {
		return this.notAttempted;
	}

	/** Whether the write was ordered (stopped at the first failure). */
	public boolean isOrdered() {
		return this.ordered;
	}

}
