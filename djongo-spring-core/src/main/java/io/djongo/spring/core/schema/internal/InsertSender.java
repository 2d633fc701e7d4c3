package io.djongo.spring.core.schema.internal;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;

/**
 * The insert step of the {@link ModelWriter}: sends a prepared batch with one {@code insert} command (one model, or
 * all of them, ordered or not) and recovers from automatic ids that collide with documents inserted by hand: the
 * counter moves to the collection's highest numeric id, the models not written that had automatic ids get new ones,
 * and those not written are sent once more. Any other refusal of a batch is reported per model by the
 * {@link BulkFailure}, with each model's position in the batch.
 */
final class InsertSender {

	private final IdSequence counters;

	private final ModelEncoder encoder;

	private final DocumentInserts inserts;

	private final BulkFailure failures;

	InsertSender(IdSequence counters, ModelEncoder encoder, DocumentInserts inserts, BulkFailure failures) {
		this.counters = counters;
		this.encoder = encoder;
		this.inserts = inserts;
		this.failures = failures;
	}

	/** Sends the batch; returns the id of each document. */
	List<Object> send(WriteBatch batch) {
		if (batch.mode() == ModelWriter.Mode.ONE) {
			Document document = batch.document(0);
			Class<?> type = batch.model(0).getClass();
			try {
				return idList(this.inserts.insertOne(batch.collection(), document, type));
			}
			catch (DuplicateKeyException ex) {
				if (IdCounters.duplicateIdIndex(ex, batch.plan(0).idIndex()) != 0 || !reassignIds(batch, List.of(0))) {
					throw ex;
				}
				return idList(this.inserts.insertOne(batch.collection(), document, type));
			}
		}
		List<Integer> all = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			all.add(i);
		}
		try {
			insertMany(batch, all);
		}
		catch (DuplicateKeyException ex) {
			// models whose automatic ids collide with documents inserted by hand get new ids, once
			List<Integer> retried = refusedForTheirId(ex, batch.size(), batch.ordered(), batch.plan(0).idIndex());
			if (retried.isEmpty() || !reassignIds(batch, retried)) {
				throw failure(batch, ex, null);
			}
			try {
				insertMany(batch, retried);
			}
			catch (DuplicateKeyException again) {
				throw failure(batch, again, retried);
			}
		}
		List<Object> ids = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			// a model converted without a document has its id already, and no after-save step to be told it
			ids.add(batch.hasDocument(i) ? batch.document(i).get("_id") : null);
		}
		return ids;
	}

	private void insertMany(WriteBatch batch, List<Integer> positions) {
		this.inserts.insertMany(batch.collection(), batch.stored(positions), batch.model(0).getClass(),
				batch.ordered());
	}

	/**
	 * After a duplicate key on {@code _id}: the models djongo gave their ids to, among those not written, get new
	 * ones above the collection's highest numeric id, once per batch.
	 * @param positions the models not written, the first being the one refused
	 * @return whether the refused model had an automatic id and all got new ones: the write may be retried
	 */
	private boolean reassignIds(WriteBatch batch, List<Integer> positions) {
		if (!batch.isAutoAssigned(positions.get(0)) || !batch.retryIds()) {
			return false;
		}
		List<Integer> renumbered = new ArrayList<>();
		for (int position : positions) {
			if (batch.isAutoAssigned(position)) {
				renumbered.add(position);
			}
		}
		IdSequence counters = batch.plan(positions.get(0)).counters(this.counters);
		counters.resynchronize(batch.collection());
		long next = counters.reserve(batch.collection(), renumbered.size());
		for (int position : renumbered) {
			ModelPlan plan = batch.plan(position);
			Object model = plan.assignId(batch.model(position), next++);
			batch.model(position, model);
			if (batch.hasDocument(position)) {
				batch.document(position).put(plan.storedId(), plan.storedIdValue(model));
				continue;
			}
			Object converted = this.encoder.convert(model);
			if (converted != null) {
				batch.converted(position, converted);
			}
			else {
				// converted before with its old id: the converter writes the same document with the new one
				batch.document(position, this.encoder.encode(model));
			}
		}
		return true;
	}

	/**
	 * The positions to send again after a refusal for duplicate automatic ids: from the refused one on (ordered), or
	 * the refused ones (unordered); empty when anything else was refused.
	 */
	private static List<Integer> refusedForTheirId(DuplicateKeyException ex, int size, boolean ordered,
			String idIndex) {
		int first = IdCounters.duplicateIdIndex(ex, idIndex);
		if (first < 0) {
			return List.of();
		}
		List<Integer> positions = new ArrayList<>();
		if (ordered) {
			for (int i = first; i < size; i++) {
				positions.add(i);
			}
			return positions;
		}
		MongoBulkWriteException report = report(ex);
		if (report == null) {
			return List.of();
		}
		for (BulkWriteError error : report.getWriteErrors()) {
			if (!IdCounters.isDuplicateId(error.getCode(), error.getMessage(), idIndex)) {
				return List.of();
			}
			positions.add(error.getIndex());
		}
		return positions;
	}

	/**
	 * The failure of an insert of several models, per model.
	 * @param sent the position of each document of the failed insert in the batch, null when it sent all
	 */
	private RuntimeException failure(WriteBatch batch, DuplicateKeyException ex, @Nullable List<Integer> sent) {
		MongoBulkWriteException report = report(ex);
		if (report == null) {
			return ex;
		}
		List<BulkWriteError> errors = new ArrayList<>();
		for (BulkWriteError error : report.getWriteErrors()) {
			int index = (sent != null) ? sent.get(error.getIndex()) : error.getIndex();
			errors.add(new BulkWriteError(error.getCode(), error.getMessage(), error.getDetails(), index));
		}
		return this.failures.of(List.copyOf(batch.models()), batch.ordered(), errors, ex);
	}

	private static @Nullable MongoBulkWriteException report(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoBulkWriteException bulk) {
				return bulk;
			}
		}
		return null;
	}

	private static List<Object> idList(Object id) {
		List<Object> ids = new ArrayList<>(1);
		ids.add(id);
		return ids;
	}

}
