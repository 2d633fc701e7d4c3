package io.djongo.spring.core.schema.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Writes new models: djongo's insert, explicit from start to end, its batch passed from step to step.
 * <ol>
 * <li><b>Before convert</b>: each model's {@code BeforeConvertEvent} and the application's
 * {@code BeforeConvertCallback}s (auditing fills its fields here), as Spring Data fires them.</li>
 * <li><b>Validate</b> the whole batch before anything is sent: related objects saved, every constraint of every
 * model (a batch is all or nothing: one invalid model and none is written).</li>
 * <li><b>Ids</b>: explicit ids move the collection's counter past the highest of them, and one counter update
 * reserves a block for the models without one. An invalid batch reserves none.</li>
 * <li>Pending files are stored, then each model is <b>converted</b> by the {@link ModelEncoder} (its version set to
 * its first value, as Spring Data does), and its {@code BeforeSaveEvent} and {@code BeforeSaveCallback}s see the
 * document.</li>
 * <li><b>Insert</b> ({@link InsertSender}): one {@code insert} command for one model, one for a batch, ordered or
 * not. When an automatic id collides with a document inserted by hand, the counter moves to the collection's
 * highest numeric id and the models not written get new ids, once. What the server refuses in a batch is reported per model by the
 * {@link BulkFailure}.</li>
 * <li><b>After save</b>: ids the driver generated are set, then each model's {@code AfterSaveEvent} and
 * {@code AfterSaveCallback}s.</li>
 * </ol>
 * Each model sees Spring Data's events and callbacks in Spring Data's order; across models, the before-convert ones
 * of the whole batch come before the first conversion, as the batch is validated whole. The writer works out what
 * each class needs once ({@link ModelPlan}) and looks it up once per run of models of one class.
 * <p>
 * {@link #prepare(Object, String)} applies the same rules to the one model of Spring Data's own write paths
 * (updating saves, replacements, bulk operations), after the application's before-convert callbacks.
 */
public final class ModelWriter {

	/** How the models of one insert are sent. */
	public enum Mode {

		/** One model, one {@code insertOne}. */
		ONE,

		/** Several models in one insert that stops at the first one the server refuses. */
		ORDERED,

		/** Several models in one insert that writes every model the server does not refuse. */
		UNORDERED

	}

	private final MongoConverter converter;

	private final IdSequence counters;

	private final WriteLifecycle lifecycle;

	private final ModelRules rules;

	private final ModelEncoder encoder;

	private final InsertSender sender;

	private final Map<Class<?>, ModelPlan> plans = new ConcurrentHashMap<>();

	/**
	 * @param converter the template's converter: the mapping, and the conversions of ids and versions
	 * @param databaseFactory the database of the id counters ({@code __schema__}), outside any transaction
	 * @param lifecycle Spring Data's events and the application's callbacks
	 * @param rules djongo's checks of the models, and the storage of their files
	 * @param encoder the convert step
	 * @param inserts the insert commands
	 * @param failures the exception of an insert refused in part
	 */
	public ModelWriter(MongoConverter converter, MongoDatabaseFactory databaseFactory, WriteLifecycle lifecycle,
			ModelRules rules, ModelEncoder encoder, DocumentInserts inserts, BulkFailure failures) {
		this(converter, new IdCounters(databaseFactory), lifecycle, rules, encoder, inserts, failures);
	}

	ModelWriter(MongoConverter converter, IdSequence counters, WriteLifecycle lifecycle, ModelRules rules,
			ModelEncoder encoder, DocumentInserts inserts, BulkFailure failures) {
		this.converter = converter;
		this.counters = counters;
		this.lifecycle = lifecycle;
		this.rules = rules;
		this.encoder = encoder;
		this.sender = new InsertSender(counters, encoder, inserts, failures);
	}

	/** Whether an object is a model this writer writes, rather than a document, a map or a JSON string. */
	public boolean writes(Object object) {
		return plan(object.getClass()).isModel();
	}

	/** Whether a model has an auto-increment id not yet assigned: it is new, and saving it is an insert. */
	public boolean isNew(Object model) {
		ModelPlan plan = plan(model.getClass());
		return plan.autoId() && plan.id(model) == null;
	}

	/**
	 * Inserts new models into a collection.
	 * @return the models as written (immutable ones are copies), in order
	 * @throws org.springframework.dao.DataAccessException as the template translates what fails; for several
	 * models refused in part by the server, the {@link BulkFailure}'s
	 */
	@SuppressWarnings("unchecked")
	public <T> List<T> insert(String collection, Collection<? extends T> models, Mode mode) {
		if (models.isEmpty()) {
			return List.of();
		}
		WriteBatch batch = prepare(new WriteBatch(collection, models, mode));
		return saved(batch, this.sender.send(batch));
	}

	/**
	 * Inserts one new model as {@link #insert(String, Collection, Mode)} does, but sends its document with the given
	 * command instead of an {@code insert}: an upsert, which may find a document instead of inserting one. Every step
	 * before the insert runs (validation, id, conversion); the after-save ones only when the document was inserted.
	 * @param send sends the document and returns whether it was inserted; it puts the id the document was inserted
	 * with into the document when it had none
	 * @return the model as written, or null when {@code send} inserted nothing
	 */
	public <T> @Nullable T insert(String collection, T model, Predicate<Document> send) {
		WriteBatch batch = prepare(new WriteBatch(collection, List.of(model), Mode.ONE));
		Document document = batch.document(0);
		if (!send.test(document)) {
			return null;
		}
		List<Object> ids = new ArrayList<>(1);
		ids.add(document.get("_id"));
		List<T> saved = saved(batch, ids);
		return saved.get(0);
	}

	/** Every step before the insert command: before-convert, validation, ids, files, conversion. */
	private WriteBatch prepare(WriteBatch batch) {
		beforeConvertAll(batch);
		planAll(batch);
		check(batch);
		assignIds(batch);
		for (int i = 0; i < batch.size(); i++) {
			batch.model(i, this.rules.attach(batch.model(i)));
		}
		convertAll(batch);
		return batch;
	}

	/**
	 * The before-convert step of each model; for a batch of several, skipped for the models of a class whose
	 * before-convert step would do nothing (asked once per run of models of one class).
	 */
	private void beforeConvertAll(WriteBatch batch) {
		Class<?> type = null;
		boolean needed = true;
		for (int i = 0; i < batch.size(); i++) {
			Object model = batch.model(i);
			if (model.getClass() != type) {
				type = model.getClass();
				needed = batch.mode() == Mode.ONE || this.lifecycle.needsBeforeConvert(type);
			}
			if (needed) {
				batch.model(i, this.lifecycle.beforeConvert(model, batch.collection()));
			}
		}
	}

	/** The after-save steps of the models written, with the ids they were written with. */
	@SuppressWarnings("unchecked")
	private <T> List<T> saved(WriteBatch batch, List<Object> ids) {
		String collection = batch.collection();
		List<T> saved = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			Object model = batch.model(i);
			if (!batch.hasDocument(i)) {
				// converted with its id, for a lifecycle that does nothing after the save
				saved.add((T) model);
				continue;
			}
			Document document = batch.document(i);
			Object id = ids.get(i);
			ModelPlan plan = batch.plan(i);
			// an automatic id is the model's already; other ids may come from the driver
			if (id != null && !plan.autoId() && plan.id(model) == null) {
				model = this.lifecycle.populateId(model, id);
			}
			saved.add((T) this.lifecycle.afterSave(model, document, collection));
		}
		return saved;
	}

	/**
	 * The steps of an insert before the send, for a bulk write that sends the documents itself among other writes:
	 * before-convert callbacks, the batch validated whole, ids, pending files, conversion and before-save callbacks.
	 * Automatic ids colliding with documents inserted by hand are not retried.
	 * @return the models and their documents, by position; hand it to {@link #afterInsert} once sent
	 */
	public PreparedInsert prepareInsert(String collection, Collection<?> models) {
		WriteBatch batch = new WriteBatch(collection, models, Mode.ORDERED);
		for (int i = 0; i < batch.size(); i++) {
			batch.model(i, this.lifecycle.beforeConvert(batch.model(i), collection));
		}
		planAll(batch);
		check(batch);
		assignIds(batch);
		for (int i = 0; i < batch.size(); i++) {
			batch.model(i, this.rules.attach(batch.model(i)));
		}
		for (int i = 0; i < batch.size(); i++) {
			// the bulk write sends the documents itself
			convert(batch, i, true);
		}
		return new PreparedInsert(batch);
	}

	/**
	 * The last step of an insert prepared by {@link #prepareInsert}: the id the driver generated set on each model
	 * written, and its after-save callbacks.
	 * @param written whether the document at a position was written
	 * @return the models written, as written
	 */
	public List<Object> afterInsert(PreparedInsert prepared, IntPredicate written) {
		WriteBatch batch = prepared.batch;
		List<Object> saved = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (!written.test(i)) {
				continue;
			}
			Object model = batch.model(i);
			Document document = batch.document(i);
			Object id = document.get("_id");
			if (id != null && !batch.plan(i).autoId() && batch.plan(i).id(model) == null) {
				model = this.lifecycle.populateId(model, id);
			}
			saved.add(this.lifecycle.afterSave(model, document, batch.collection()));
		}
		return saved;
	}

	/**
	 * A new id for a document of the model that an upsert may insert, as stored: the next of the collection's counter
	 * for a model with an auto-increment id (an upsert that updates leaves a gap, as a failed insert does), else null.
	 */
	public @Nullable Object reserveId(Class<?> model, String collection) {
		ModelPlan plan = plan(model);
		if (!plan.autoId()) {
			return null;
		}
		long id = plan.counters(this.counters).reserve(collection, 1);
		if (!plan.storedId().equals("_id")) {
			// Django storage: the value as stored, int32 while it fits
			return IdCounters.pythonInt(id);
		}
		return (plan.requiredIdType() == Integer.class) ? (Object) Math.toIntExact(id) : (Object) id;
	}

	/** Models and their documents, converted and checked, not yet sent. */
	public static final class PreparedInsert {

		private final WriteBatch batch;

		PreparedInsert(WriteBatch batch) {
			this.batch = batch;
		}

		public List<Document> documents() {
			List<Document> documents = new ArrayList<>(this.batch.size());
			for (int i = 0; i < this.batch.size(); i++) {
				documents.add(this.batch.document(i));
			}
			return documents;
		}

	}

	/**
	 * djongo's rules for one model written by one of Spring Data's own paths, after the application's
	 * before-convert callbacks: related objects saved, valid, its id (an explicit one moves the counter past it),
	 * pending files stored. Anything but a model is returned as it is.
	 */
	public Object prepare(Object model, String collection) {
		ModelPlan plan = plan(model.getClass());
		if (!plan.isModel()) {
			return model;
		}
		this.rules.checkRelated(List.of(model));
		this.rules.validate(model);
		Object prepared = model;
		if (plan.autoId()) {
			IdSequence counters = plan.counters(this.counters);
			Object id = plan.id(model);
			if (id instanceof Number explicit) {
				counters.advancePast(collection, explicit.longValue());
			}
			else {
				prepared = plan.assignId(model, counters.reserve(collection, 1));
			}
		}
		return this.rules.attach(prepared);
	}

	/**
	 * Runs Spring Data's save of a model; when it is refused for a stale {@code @Version}, the model keeps the
	 * version it had: Spring Data bumps it before sending, so saving the same stale model again would overwrite the
	 * other writer's change, the lost update the version is there to prevent.
	 */
	public <T> T saveVersioned(T model, Supplier<T> save) {
		ModelPlan plan = plan(model.getClass());
		if (!plan.isVersioned()) {
			return save.get();
		}
		Object version = plan.version(model);
		try {
			return save.get();
		}
		catch (OptimisticLockingFailureException ex) {
			plan.restoreVersion(model, version);
			throw ex;
		}
	}

	// --- the steps ---

	private void planAll(WriteBatch batch) {
		Class<?> type = null;
		ModelPlan plan = ModelPlan.NONE;
		for (int i = 0; i < batch.size(); i++) {
			Object model = batch.model(i);
			if (model.getClass() != type) {
				type = model.getClass();
				plan = plan(type);
			}
			batch.plan(i, plan);
		}
	}

	private void check(WriteBatch batch) {
		this.rules.checkRelated(batch.models());
		if (batch.size() < 2) {
			this.rules.validate(batch.model(0));
		}
		else {
			this.rules.validateAll(batch.models());
		}
	}

	/** Moves the counter past the batch's explicit ids, then reserves one block for the models without one. */
	private void assignIds(WriteBatch batch) {
		long highestExplicit = Long.MIN_VALUE;
		int[] unassigned = new int[batch.size()];
		int count = 0;
		IdSequence counters = this.counters;
		for (int i = 0; i < batch.size(); i++) {
			ModelPlan plan = batch.plan(i);
			if (!plan.autoId()) {
				continue;
			}
			// one collection, one counter: the models of a batch share it
			counters = plan.counters(this.counters);
			Object id = plan.id(batch.model(i));
			if (id instanceof Number explicit) {
				highestExplicit = Math.max(highestExplicit, explicit.longValue());
			}
			else {
				unassigned[count++] = i;
			}
		}
		if (highestExplicit != Long.MIN_VALUE) {
			counters.advancePast(batch.collection(), highestExplicit);
		}
		if (count == 0) {
			return;
		}
		long next = counters.reserve(batch.collection(), count);
		for (int k = 0; k < count; k++) {
			int i = unassigned[k];
			batch.model(i, batch.plan(i).assignId(batch.model(i), next++));
			batch.autoAssigned(i);
		}
	}

	/**
	 * Converts each model. Where nothing of the lifecycle looks at documents (asked once per run of models of one
	 * class) and the batch is sent with one insert, a model the encoder converts with its id goes without a document:
	 * no before-save or after-save step would have done anything with it.
	 */
	private void convertAll(WriteBatch batch) {
		Class<?> type = null;
		boolean documents = true;
		for (int i = 0; i < batch.size(); i++) {
			Class<?> modelType = batch.model(i).getClass();
			if (modelType != type) {
				type = modelType;
				documents = batch.mode() == Mode.ONE || this.lifecycle.needsDocument(type);
			}
			convert(batch, i, documents);
		}
	}

	private void convert(WriteBatch batch, int index, boolean needsDocument) {
		ModelPlan plan = batch.plan(index);
		Object model = plan.initializeVersion(batch.model(index), this.converter.getConversionService());
		if (!plan.autoId()) {
			// an auto-increment id is assigned by now
			plan.requireGeneratableId(model);
		}
		Object converted = needsDocument ? null : this.encoder.convert(model);
		if (converted != null) {
			batch.model(index, model);
			batch.converted(index, converted);
			return;
		}
		Document document = this.encoder.encode(model);
		if (document.containsKey("_id") && document.get("_id") == null) {
			document.remove("_id");
		}
		model = this.lifecycle.beforeSave(model, document, batch.collection());
		plan.prepareId(document, this.converter);
		batch.model(index, model);
		batch.document(index, document);
	}

	private ModelPlan plan(Class<?> type) {
		ModelPlan plan = this.plans.get(type);
		if (plan == null) {
			plan = ModelPlan.of(type, this.converter, this.encoder);
			this.plans.put(type, plan);
		}
		return plan;
	}

}
