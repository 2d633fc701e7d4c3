package io.djongo.spring.core.schema.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.djongo.spring.core.model.FieldViolation;
import io.djongo.spring.core.model.ValidationException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The models one template write is storing (one for {@code insert}/{@code save}, many for {@code insertAll}), bound
 * to the writing thread while Spring Data's callbacks run for each of them. It lets the per-model callbacks act for
 * the whole write: reserve every id with one counter update, collect every violation before anything is sent, and
 * give documents new ids after a duplicate-key error.
 * <p>
 * A write started from inside a callback gets its own batch; the outer one is restored afterwards.
 */
public final class WriteBatch {

	private static final ThreadLocal<WriteBatch> current = new ThreadLocal<>();

	private final String collection;

	private final Collection<?> models;

	private @Nullable Set<Object> members;

	private boolean idsPlanned;

	private long nextId;

	private long endId;

	private final Map<Object, IdReassigner> autoAssigned = new IdentityHashMap<>();

	private final Map<Document, Object> autoDocuments = new IdentityHashMap<>();

	private boolean idsRetried;

	private int validated;

	private int invalid;

	private @Nullable List<FieldViolation> violations;

	private @Nullable Class<?> invalidType;

	private final boolean ordered;

	private WriteBatch(String collection, Collection<?> models, boolean ordered) {
		this.collection = collection;
		this.models = models;
		this.ordered = ordered;
	}

	/**
	 * Runs a template write with its batch bound to the current thread; a write of several models is ordered.
	 */
	public static <T> T run(String collection, Collection<?> models, Supplier<T> write) {
		return run(collection, models, true, write);
	}

	/**
	 * Runs a template write with its batch bound to the current thread.
	 * @param ordered whether an insert of several models stops at the first one the server refuses
	 */
	public static <T> T run(String collection, Collection<?> models, boolean ordered, Supplier<T> write) {
		WriteBatch previous = current.get();
		current.set(new WriteBatch(collection, models, ordered));
		try {
			return write.get();
		}
		finally {
			if (previous != null) {
				current.set(previous);
			}
			else {
				current.remove();
			}
		}
	}

	/**
	 * The batch being written on this thread, whatever its models.
	 */
	public static @Nullable WriteBatch current() {
		return current.get();
	}

	/**
	 * The batch being written on this thread if it stores this model into this collection.
	 */
	public static @Nullable WriteBatch of(Object model, String collection) {
		WriteBatch batch = current.get();
		return (batch != null && batch.collection.equals(collection) && batch.contains(model)) ? batch : null;
	}

	public Collection<?> models() {
		return this.models;
	}

	public int size() {
		return this.models.size();
	}

	/** Whether an insert of the batch stops at the first model the server refuses (MongoDB's ordered insert). */
	public boolean ordered() {
		return this.ordered;
	}

	/** The position of a model in the batch, by identity; -1 when it is not in it. */
	public int indexOf(Object model) {
		int index = 0;
		for (Object candidate : this.models) {
			if (candidate == model) {
				return index;
			}
			index++;
		}
		return -1;
	}

	private boolean contains(Object model) {
		if (this.models.size() == 1) {
			return this.models.iterator().next() == model;
		}
		Set<Object> set = this.members;
		if (set == null) {
			set = Collections.newSetFromMap(new IdentityHashMap<>(this.models.size() * 2));
			set.addAll(this.models);
			this.members = set;
		}
		return set.contains(model);
	}

	// ids

	/** Whether the ids of this batch were planned (explicit ids honoured, automatic ones reserved). */
	public boolean idsPlanned() {
		return this.idsPlanned;
	}

	/** Records the block of ids reserved for the batch: {@code count} ids from {@code first}. */
	public void planIds(long first, int count) {
		this.idsPlanned = true;
		this.nextId = first;
		this.endId = first + count;
	}

	/** The next reserved id, or -1 when the block is used up. */
	public long takeId() {
		return (this.nextId < this.endId) ? this.nextId++ : -1;
	}

	/** Records that djongo gave this model its id, and who can give it another one. */
	public void autoAssigned(Object model, IdReassigner reassigner) {
		this.autoAssigned.put(model, reassigner);
	}

	/** Links a model whose id djongo assigned to the document written for it. */
	public void linkDocument(Object model, Document document) {
		if (this.autoAssigned.containsKey(model)) {
			this.autoDocuments.put(document, model);
		}
	}

	/**
	 * After a duplicate key on {@code _id}: gives new ids to the documents (and their models) of this batch whose
	 * ids djongo assigned, once per batch.
	 * @param documents the documents not written, the first being the one refused
	 * @return whether the refused document had an assigned id and all got new ones: the write may be retried
	 */
	public boolean reassignIds(List<Document> documents) {
		if (this.idsRetried || documents.isEmpty() || !this.autoDocuments.containsKey(documents.get(0))) {
			return false;
		}
		this.idsRetried = true;
		Map<Document, Object> pending = new IdentityHashMap<>();
		IdReassigner reassigner = null;
		for (Document document : documents) {
			Object model = this.autoDocuments.get(document);
			if (model != null) {
				pending.put(document, model);
				reassigner = this.autoAssigned.get(model);
			}
		}
		if (reassigner == null) {
			return false;
		}
		List<Document> ordered = new ArrayList<>(pending.size());
		for (Document document : documents) {
			if (pending.containsKey(document)) {
				ordered.add(document);
			}
		}
		reassigner.reassign(this.collection, ordered, pending);
		return true;
	}

	// validation

	/** Adds the violations of the next model of the batch, in order. */
	public void addViolations(Object model, List<FieldViolation> found) {
		int index = this.validated++;
		if (found.isEmpty()) {
			return;
		}
		List<FieldViolation> all = this.violations;
		if (all == null) {
			all = new ArrayList<>();
			this.violations = all;
			this.invalidType = model.getClass();
		}
		this.invalid++;
		for (FieldViolation violation : found) {
			all.add(new FieldViolation("[" + index + "]." + violation.path(), violation.message(),
					violation.rejectedValue()));
		}
	}

	/**
	 * Throws the violations collected for the batch, before anything is sent.
	 */
	public void throwIfInvalid() {
		List<FieldViolation> all = this.violations;
		Class<?> type = this.invalidType;
		if (all != null && type != null) {
			throw new ValidationException(this.invalid + " of " + this.models.size() + " " + type.getSimpleName()
					+ " objects " + ((this.invalid == 1) ? "is" : "are") + " not valid", all);
		}
	}

	/**
	 * Gives documents new ids after a duplicate key, and their models too.
	 */
	@FunctionalInterface
	public interface IdReassigner {

		/**
		 * @param collection the collection written
		 * @param documents the documents to renumber, in write order
		 * @param models the model of each document
		 */
		void reassign(String collection, List<Document> documents, Map<Document, Object> models);

	}

}
