package io.djongo.spring.core.bridge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import io.djongo.spring.core.bulk.internal.BulkSupport;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.internal.QueryEngine;
import io.djongo.spring.core.relation.internal.Deletions;
import io.djongo.spring.core.schema.internal.ModelWriter;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The template's part of bulk writes: its writer, QuerySet compiler, deletions and the send, with its write concern
 * and in its running transaction.
 */
final class TemplateBulkSupport implements BulkSupport {

	private final DjongoTemplate template;

	private final ModelRegistry models;

	private final ModelWriter writer;

	private final QueryEngine queries;

	private final Deletions deletions;

	private final @Nullable WriteConcern writeConcern;

	TemplateBulkSupport(DjongoTemplate template, ModelRegistry models, ModelWriter writer, QueryEngine queries,
			Deletions deletions, @Nullable WriteConcern writeConcern) {
		this.template = template;
		this.models = models;
		this.writer = writer;
		this.queries = queries;
		this.deletions = deletions;
		this.writeConcern = writeConcern;
	}

	@Override
	public ModelRegistry models() {
		return this.models;
	}

	@Override
	public String collection(Class<?> model) {
		return this.template.getCollectionName(model);
	}

	@Override
	public void validateAll(List<?> models) {
		this.template.validateAll(models);
	}

	@Override
	public Prepared prepareInserts(String collection, List<?> models) {
		ModelWriter.PreparedInsert prepared = this.writer.prepareInsert(collection, models);
		List<Document> documents = prepared.documents();
		return new Prepared() {

			@Override
			public List<Document> documents() {
				return documents;
			}

			@Override
			public void sent(IntPredicate written) {
				TemplateBulkSupport.this.writer.afterInsert(prepared, written);
			}

		};
	}

	@Override
	public Document replacement(Object model, String collection) {
		Object prepared = this.writer.prepare(model, collection);
		Document document = encode(prepared);
		if (document.get(idField(model.getClass())) == null) {
			throw new org.springframework.dao.InvalidDataAccessApiUsageException("replace() in a bulk write takes a"
					+ " saved model: this " + this.models.metadata(model.getClass()).name() + " has no id");
		}
		return document;
	}

	@Override
	public Document encode(Object model) {
		return this.template.encode(model);
	}

	@Override
	public Operation compile(Class<?> model, Q where, @Nullable Map<String, ?> values) {
		QueryEngine.BulkOperation operation = this.queries.bulkOperation(model, where, values);
		return new Operation(operation.filter(), operation.update());
	}

	@Override
	public @Nullable Object reserveId(Class<?> model, String collection) {
		return this.writer.reserveId(model, collection);
	}

	@Override
	public boolean hasDependents(Class<?> model) {
		return this.deletions.hasDependents(model);
	}

	@Override
	public boolean isVersioned(Class<?> model) {
		return this.models.metadata(model).entity().hasVersionProperty();
	}

	@Override
	public BulkWriteResult send(String collection, List<WriteModel<Document>> writes, boolean ordered) {
		// the driver's exception carries the per-operation errors: returned past the template's translation
		Object outcome = this.template.execute(collection, (MongoCollection<Document> target) -> {
			MongoCollection<Document> sent = (this.writeConcern != null) ? target.withWriteConcern(this.writeConcern)
					: target;
			try {
				return sent.bulkWrite(writes, new BulkWriteOptions().ordered(ordered));
			}
			catch (MongoBulkWriteException ex) {
				return ex;
			}
		});
		if (outcome instanceof MongoBulkWriteException refused) {
			throw refused;
		}
		return (BulkWriteResult) Objects.requireNonNull(outcome, "bulkWrite returned no result");
	}

}
