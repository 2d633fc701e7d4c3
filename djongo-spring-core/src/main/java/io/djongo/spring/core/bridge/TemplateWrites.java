package io.djongo.spring.core.bridge;

import java.util.List;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.djongo.spring.core.schema.internal.DocumentInserts;
import io.djongo.spring.core.schema.internal.WriteLifecycle;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoAction;
import org.springframework.data.mongodb.core.MongoActionOperation;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

/**
 * Spring Data's part of the model writer's inserts, as {@code MongoTemplate.doInsert} and its siblings do it: each
 * model's mapping events and the application's entity callbacks, the id the driver gives, and the insert commands
 * with the template's write concern (a model's own winning). Models the codec converted are encoded by the driver
 * straight into the command; whether a step may be skipped for a class is the {@link TemplateCodecs}' answer.
 */
final class TemplateWrites implements WriteLifecycle, DocumentInserts {

	private final DjongoTemplate template;

	private final TemplateCodecs codecs;

	private final @Nullable WriteConcern writeConcern;

	TemplateWrites(DjongoTemplate template, TemplateCodecs codecs, @Nullable WriteConcern writeConcern) {
		this.template = template;
		this.codecs = codecs;
		this.writeConcern = writeConcern;
	}

	@Override
	public <T> T beforeConvert(T model, String collection) {
		T converted = this.template.emit(new BeforeConvertEvent<>(model, collection)).getSource();
		return this.template.applicationCallbacks().callback(BeforeConvertCallback.class, converted, collection);
	}

	@Override
	public boolean needsBeforeConvert(Class<?> model) {
		return this.codecs.needsBeforeConvert(model);
	}

	@Override
	public boolean needsDocument(Class<?> model) {
		return this.codecs.needsDocumentOnSave(model);
	}

	@Override
	public <T> T beforeSave(T model, Document document, String collection) {
		this.template.emit(new BeforeSaveEvent<>(model, document, collection));
		return this.template.applicationCallbacks().callback(BeforeSaveCallback.class, model, document, collection);
	}

	@Override
	public <T> T populateId(T model, Object id) {
		return this.template.populateId(model, id);
	}

	@Override
	public <T> T afterSave(T model, Document document, String collection) {
		this.template.emit(new AfterSaveEvent<>(model, document, collection));
		return this.template.applicationCallbacks().callback(AfterSaveCallback.class, model, document, collection);
	}

	@Override
	public Object insertOne(String collection, Document document, Class<?> model) {
		return this.template.insertOne(collection, document, model);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void insertMany(String collection, List<?> documents, Class<?> model, boolean ordered) {
		boolean converted = !documents.stream().allMatch(Document.class::isInstance);
		if (ordered && !converted) {
			this.template.insertAll(collection, (List<Document>) documents);
			return;
		}
		// the same command as insertDocumentList's: an unordered one, or one of models converted by the codec
		this.template.execute(collection, (target) -> {
			WriteConcern writeConcern = this.template.prepareWriteConcern(new MongoAction(this.writeConcern,
					MongoActionOperation.INSERT_LIST, collection, ordered ? null : model, null, null));
			MongoCollection<Document> concerned = (writeConcern != null) ? target.withWriteConcern(writeConcern)
					: target;
			InsertManyOptions options = new InsertManyOptions().ordered(ordered);
			if (converted) {
				this.codecs.forInsert(concerned).insertMany((List<Object>) documents, options);
			}
			else {
				concerned.insertMany((List<Document>) documents, options);
			}
			return null;
		});
	}

}
