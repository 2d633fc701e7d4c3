package io.djongo.spring.core.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.djongo.spring.core.schema.internal.AutoIds;
import io.djongo.spring.core.schema.internal.IdCounters;
import io.djongo.spring.core.schema.internal.WriteBatch;
import org.bson.Document;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

/**
 * Django's AutoField: a model whose {@code @Id} is a {@code Long} or {@code Integer} gets the next number of its
 * collection's counter when it is first saved. Counters live in djongo's {@code __schema__} collection
 * ({@code {name: <collection>, auto: {seq: n}}}) and advance atomically, so concurrent writers never share an id;
 * ids are never reused, and a failed write leaves a gap, as a database sequence does.
 * <ul>
 * <li>A bulk write ({@code insertAll}, {@code saveAll}) reserves all its ids with one {@code findAndModify $inc}.</li>
 * <li>An id set explicitly is kept, and the counter moves past it ({@code $max}), so later automatic ids never
 * collide with it. The counter is known to be at least every value seen, so saving loaded models costs nothing.</li>
 * <li>When an automatic id already exists in the collection (documents inserted by hand or restored from a dump),
 * the {@code DjongoTemplate} catches the duplicate key, this callback moves the counter to the collection's highest
 * numeric id and renumbers the models not yet written, and the write is retried once.</li>
 * </ul>
 * ObjectId and String ids are left to Spring Data.
 */
public class AutoIncrementIdCallback implements BeforeConvertCallback<Object>, BeforeSaveCallback<Object>, Ordered {

	/** djongo's collection of per-collection metadata, holding the id counters. */
	public static final String SCHEMA_COLLECTION = IdCounters.SCHEMA_COLLECTION;

	private final IdCounters counters;

	private final AutoIds autoIds;

	public AutoIncrementIdCallback(MongoDatabaseFactory databaseFactory, MongoMappingContext mappingContext) {
		this.counters = new IdCounters(databaseFactory);
		this.autoIds = new AutoIds(mappingContext);
	}

	@Override
	public Object onBeforeConvert(Object model, String collection) {
		if (this.autoIds.entityOf(model) == null) {
			return model;
		}
		WriteBatch batch = WriteBatch.of(model, collection);
		if (batch != null && !batch.idsPlanned()) {
			planIds(batch, collection);
		}
		Number id = this.autoIds.idOf(model);
		if (id != null) {
			if (batch == null) {
				this.counters.advancePast(collection, id.longValue());
			}
			return model;
		}
		long next = (batch != null) ? batch.takeId() : -1;
		if (next < 0) {
			next = this.counters.reserve(collection, 1);
		}
		Object assigned = this.autoIds.assign(model, next);
		if (batch != null) {
			batch.autoAssigned(assigned, this::reassign);
		}
		return assigned;
	}

	@Override
	public Object onBeforeSave(Object model, Document document, String collection) {
		WriteBatch batch = WriteBatch.current();
		if (batch != null) {
			batch.linkDocument(model, document);
		}
		return model;
	}

	/**
	 * Moves the counter past the batch's explicit ids, then reserves one block for the models without an id.
	 */
	private void planIds(WriteBatch batch, String collection) {
		long highestExplicit = Long.MIN_VALUE;
		int unassigned = 0;
		for (Object model : batch.models()) {
			if (model == null || this.autoIds.entityOf(model) == null) {
				continue;
			}
			Number id = this.autoIds.idOf(model);
			if (id == null) {
				unassigned++;
			}
			else {
				highestExplicit = Math.max(highestExplicit, id.longValue());
			}
		}
		if (highestExplicit != Long.MIN_VALUE) {
			this.counters.advancePast(collection, highestExplicit);
		}
		long first = (unassigned > 0) ? this.counters.reserve(collection, unassigned) : 0;
		batch.planIds(first, unassigned);
	}

	private void reassign(String collection, List<Document> documents, Map<Document, Object> models) {
		this.counters.resynchronize(collection);
		long next = this.counters.reserve(collection, documents.size());
		for (Document document : documents) {
			Object model = this.autoIds.assign(
					Objects.requireNonNull(models.get(document), "every document to renumber has its model"), next++);
			document.put("_id", this.autoIds.idOf(model));
		}
	}

	@Override
	public int getOrder() {
		// after the relation check (UnsavedRelatedObjectCallback), so a refused model reserves no id
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
