package io.djongo.spring.core.schema.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.model.FieldViolation;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.schema.BulkCreateException;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The model writer's batch logic, without a server: the order of its steps, one batch-level pass of checks and ids,
 * the duplicate-id retry and the report of a batch refused in part.
 */
class ModelWriterUnitTests {

	private final List<String> trace = new ArrayList<>();

	private final Counters counters = new Counters(this.trace);

	private final Rules rules = new Rules(this.trace);

	private final Inserts inserts = new Inserts(this.trace);

	private final ModelWriter writer;

	private final MappingMongoConverter converter;

	ModelWriterUnitTests() {
		this.converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, new DjongoMappingContext());
		this.converter.afterPropertiesSet();
		this.writer = new ModelWriter(this.converter, this.counters, new Lifecycle(this.trace, true), this.rules,
				(model) -> {
					Document document = new Document();
					this.converter.write(model, document);
					return document;
				}, this.inserts, BulkCreateException::new);
	}

	/** A writer whose lifecycle looks at no document, with an encoder that converts every note but "b". */
	private ModelWriter converting() {
		return new ModelWriter(this.converter, this.counters, new Lifecycle(this.trace, false), this.rules,
				new Converting(this.converter, this.trace), this.inserts, BulkCreateException::new);
	}

	@Test
	void aBatchWhoseDocumentsNothingLooksAtIsSentAsTheEncoderConvertsIt() {
		List<Note> saved = converting().insert("notes", List.of(new Note("a"), new Note("b"), new Note("c")),
				ModelWriter.Mode.ORDERED);

		assertThat(this.trace).containsExactly("beforeConvert a", "beforeConvert b", "beforeConvert c",
				"checkRelated 3", "validateAll 3", "reserve notes 3", "attach a", "attach b", "attach c",
				"convert a 1", "convert b 2", "beforeSave b 2", "convert c 3",
				"insertMany notes [converted 1, 2, converted 3] ordered", "afterSave b");
		assertThat(saved).extracting((note) -> note.id).containsExactly(1L, 2L, 3L);
	}

	@Test
	void aConvertedModelWhoseIdIsGivenAgainIsConvertedAgain() {
		this.inserts.refusals.add(refused(0, "E11000 duplicate key error collection: db.notes index: _id_ dup key"));

		List<Note> saved = converting().insert("notes", List.of(new Note("a"), new Note("c")),
				ModelWriter.Mode.ORDERED);

		assertThat(this.trace).filteredOn((step) -> step.startsWith("insertMany") || step.startsWith("convert"))
			.containsExactly("convert a 1", "convert c 2", "insertMany notes [converted 1, converted 2] ordered",
					"convert a 3", "convert c 4", "insertMany notes [converted 3, converted 4] ordered");
		assertThat(saved).extracting((note) -> note.id).containsExactly(3L, 4L);
	}

	@Test
	void aBatchSkipsTheBeforeConvertStepWhenItWouldDoNothingButOneModelNeverDoes() {
		ModelWriter writer = new ModelWriter(this.converter, this.counters, new Lifecycle(this.trace, false, false),
				this.rules, new Converting(this.converter, this.trace), this.inserts, BulkCreateException::new);

		writer.insert("notes", List.of(new Note("a"), new Note("c")), ModelWriter.Mode.ORDERED);
		writer.insert("notes", List.of(new Note("d")), ModelWriter.Mode.ONE);

		assertThat(this.trace).filteredOn((step) -> step.contains("eforeConvert"))
			.containsExactly("beforeConvert skipped for Note", "beforeConvert d");
	}

	@Test
	void oneModelIsSentAsADocumentWhateverItsLifecycle() {
		converting().insert("notes", List.of(new Note("a")), ModelWriter.Mode.ONE);

		assertThat(this.trace).contains("beforeSave a 1", "insertOne notes 1", "afterSave a")
			.noneMatch((step) -> step.startsWith("convert"));
	}

	@Test
	void aBatchIsCheckedWholeAndGetsItsIdsWithOneReservationBeforeTheFirstModelIsConverted() {
		List<Note> saved = this.writer.insert("notes", List.of(new Note("a"), new Note("b"), new Note("c")),
				ModelWriter.Mode.ORDERED);

		assertThat(this.trace).containsExactly("beforeConvert a", "beforeConvert b", "beforeConvert c",
				"checkRelated 3", "validateAll 3", "reserve notes 3", "attach a", "attach b", "attach c",
				"beforeSave a 1", "beforeSave b 2", "beforeSave c 3", "insertMany notes [1, 2, 3] ordered",
				"afterSave a", "afterSave b", "afterSave c");
		assertThat(saved).extracting((note) -> note.id).containsExactly(1L, 2L, 3L);
	}

	@Test
	void anUpsertRunsEveryStepOfAnInsertButSendsItsOwnCommandAndSavesOnlyWhatItInserted() {
		List<Document> sent = new ArrayList<>();
		Note inserted = this.writer.insert("notes", new Note("a"), (document) -> sent.add(document));

		assertThat(this.trace).containsExactly("beforeConvert a", "checkRelated 1", "validate a", "reserve notes 1",
				"attach a", "beforeSave a 1", "afterSave a");
		assertThat(sent).singleElement().satisfies((document) -> assertThat(document).containsEntry("_id", 1L));
		assertThat(inserted).isNotNull().extracting((note) -> note.id).isEqualTo(1L);

		this.trace.clear();
		assertThat(this.writer.insert("notes", new Note("b"), (document) -> false)).as("found, not inserted").isNull();
		assertThat(this.trace).contains("beforeSave b 2").doesNotContain("afterSave b");
	}

	@Test
	void anInvalidUpsertSendsNothing() {
		this.rules.invalid = true;
		List<Document> sent = new ArrayList<>();

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.writer.insert("notes", new Note("a"), (document) -> sent.add(document)));
		assertThat(sent).isEmpty();
		assertThat(this.trace).doesNotContain("reserve notes 1");
	}

	@Test
	void anInvalidBatchReservesNoIdAndSendsNothing() {
		this.rules.invalid = true;

		assertThatExceptionOfType(ValidationException.class).isThrownBy(
				() -> this.writer.insert("notes", List.of(new Note("a"), new Note("b")), ModelWriter.Mode.ORDERED));
		assertThat(this.trace).containsExactly("beforeConvert a", "beforeConvert b", "checkRelated 2",
				"validateAll 2");
	}

	@Test
	void explicitIdsMoveTheCounterOnceAndOnlyTheMissingOnesAreReserved() {
		List<Note> batch = List.of(new Note("a", 5L), new Note("b"), new Note("c", 9L), new Note("d"));

		List<Note> saved = this.writer.insert("notes", batch, ModelWriter.Mode.ORDERED);

		assertThat(this.trace).filteredOn((step) -> step.startsWith("advancePast") || step.startsWith("reserve"))
			.containsExactly("advancePast notes 9", "reserve notes 2");
		assertThat(saved).extracting((note) -> note.id).containsExactly(5L, 1L, 9L, 2L);
	}

	@Test
	void oneModelIsValidatedAloneAndSentWithInsertOne() {
		this.writer.insert("notes", List.of(new Note("a")), ModelWriter.Mode.ONE);

		assertThat(this.trace).contains("validate a", "insertOne notes 1").doesNotContain("validateAll 1");
	}

	@Test
	void anAutomaticIdTakenByHandIsGivenAgainFromTheRefusedModelOnAndTheRestSentOnce() {
		this.inserts.refusals.add(refused(1, "E11000 duplicate key error collection: db.notes index: _id_ dup key"));

		List<Note> saved = this.writer.insert("notes", List.of(new Note("a"), new Note("b"), new Note("c")),
				ModelWriter.Mode.ORDERED);

		assertThat(this.trace).filteredOn((step) -> step.startsWith("insertMany") || step.startsWith("resync")
				|| step.startsWith("reserve"))
			.containsExactly("reserve notes 3", "insertMany notes [1, 2, 3] ordered", "resynchronize notes",
					"reserve notes 2", "insertMany notes [4, 5] ordered");
		assertThat(saved).extracting((note) -> note.id).containsExactly(1L, 4L, 5L);
	}

	@Test
	void anIdSetByTheApplicationIsNeverGivenAgain() {
		this.inserts.refusals.add(refused(0, "E11000 duplicate key error collection: db.notes index: _id_ dup key"));

		BulkCreateException failure = catchThrowableOfType(BulkCreateException.class, () -> this.writer
			.insert("notes", List.of(new Note("a", 7L), new Note("b")), ModelWriter.Mode.ORDERED));

		assertThat(failure.getFailures()).extracting(BulkCreateException.Failure::index).containsExactly(0);
		assertThat(failure.getNotAttempted()).extracting((model) -> ((Note) model).name).containsExactly("b");
		assertThat(this.trace).doesNotContain("resynchronize notes");
	}

	@Test
	void anUnorderedBatchRefusedOnAnotherIndexReportsEveryRefusedModel() {
		this.inserts.refusals.add(refused(List.of(0, 2), "E11000 duplicate key error collection: db.notes index: name_1"));
		List<Note> batch = List.of(new Note("a"), new Note("b"), new Note("c"));

		BulkCreateException failure = catchThrowableOfType(BulkCreateException.class,
				() -> this.writer.insert("notes", batch, ModelWriter.Mode.UNORDERED));

		assertThat(failure.isOrdered()).isFalse();
		assertThat(failure.getFailures()).extracting(BulkCreateException.Failure::index).containsExactly(0, 2);
		assertThat(failure.getWritten()).containsExactly(batch.get(1));
		assertThat(this.trace).contains("insertMany notes [1, 2, 3] unordered").doesNotContain("afterSave b");
	}

	@Test
	void aRetryRefusedAgainNamesTheModelByItsPlaceInTheWholeBatch() {
		this.inserts.refusals.add(refused(1, "E11000 duplicate key error collection: db.notes index: _id_ dup key"));
		this.inserts.refusals.add(refused(1, "E11000 duplicate key error collection: db.notes index: name_1"));

		BulkCreateException failure = catchThrowableOfType(BulkCreateException.class, () -> this.writer
			.insert("notes", List.of(new Note("a"), new Note("b"), new Note("c")), ModelWriter.Mode.ORDERED));

		assertThat(failure.getFailures()).extracting(BulkCreateException.Failure::index).containsExactly(2);
		assertThat(failure.getWritten()).extracting((model) -> ((Note) model).name).containsExactly("a", "b");
	}

	@Test
	void theVersionStartsAtZeroAndTheIdTheDriverGivesIsSetOnTheModel() {
		Versioned saved = this.writer.insert("versioned", List.of(new Versioned()), ModelWriter.Mode.ONE).get(0);

		assertThat(this.inserts.sent).singleElement()
			.satisfies((document) -> assertThat(document).containsEntry("version", 0L));
		assertThat(saved.version).isZero();
		assertThat(saved.id).isNotNull();
		assertThat(this.trace).doesNotContain("reserve versioned 1");
	}

	@Test
	void aSpringDataWriteOfOneModelGetsTheSameRulesAndAnIdOfItsOwn() {
		Note fresh = (Note) this.writer.prepare(new Note("a"), "notes");
		this.writer.prepare(new Note("b", 40L), "notes");
		Document document = new Document("name", "raw");

		assertThat(this.writer.prepare(document, "notes")).isSameAs(document);
		assertThat(fresh.id).isEqualTo(1L);
		assertThat(this.trace).containsExactly("checkRelated 1", "validate a", "reserve notes 1", "attach a",
				"checkRelated 1", "validate b", "advancePast notes 40", "attach b");
	}

	@Test
	void aSaveRefusedForAStaleVersionLeavesTheModelsVersionAsItWas() {
		Versioned stale = new Versioned();
		stale.version = 3L;

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.writer.saveVersioned(stale, () -> {
				stale.version = 4L;
				throw new OptimisticLockingFailureException("modified meanwhile");
			}));
		assertThat(stale.version).isEqualTo(3L);
	}

	@Test
	void onlyMappedModelsAreWrittenAndNewOnesHaveNoAutomaticIdYet() {
		assertThat(this.writer.writes(new Note("a"))).isTrue();
		assertThat(this.writer.writes(new Document())).isFalse();
		assertThat(this.writer.writes("{\"name\": \"json\"}")).isFalse();
		assertThat(this.writer.isNew(new Note("a"))).isTrue();
		assertThat(this.writer.isNew(new Note("a", 1L))).isFalse();
		assertThat(this.writer.isNew(new Versioned())).isFalse();
	}

	private static DuplicateKeyException refused(int index, String message) {
		return refused(List.of(index), message);
	}

	private static DuplicateKeyException refused(List<Integer> indexes, String message) {
		List<BulkWriteError> errors = new ArrayList<>();
		for (int index : indexes) {
			errors.add(new BulkWriteError(11000, message, new BsonDocument(), index));
		}
		return new DuplicateKeyException(message, new MongoBulkWriteException(BulkWriteResult.unacknowledged(), errors,
				null, new ServerAddress(), Set.of()));
	}

	@org.springframework.data.mongodb.core.mapping.Document("notes")
	static class Note {

		@Id
		@Nullable Long id;

		String name;

		Note(String name) {
			this.name = name;
		}

		Note(String name, @Nullable Long id) {
			this.name = name;
			this.id = id;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("versioned")
	static class Versioned {

		@Id
		@Nullable ObjectId id;

		@Version
		@Nullable Long version;

	}

	private static String name(Object model) {
		return (model instanceof Note note) ? note.name : model.getClass().getSimpleName();
	}

	private record Lifecycle(List<String> trace, boolean needsDocuments, boolean beforeConvertNeeded)
			implements WriteLifecycle {

		Lifecycle(List<String> trace, boolean needsDocuments) {
			this(trace, needsDocuments, true);
		}

		@Override
		public boolean needsBeforeConvert(Class<?> model) {
			if (!this.beforeConvertNeeded) {
				this.trace.add("beforeConvert skipped for " + model.getSimpleName());
			}
			return this.beforeConvertNeeded;
		}

		@Override
		public boolean needsDocument(Class<?> model) {
			return this.needsDocuments;
		}

		@Override
		public <T> T beforeConvert(T model, String collection) {
			this.trace.add("beforeConvert " + name(model));
			return model;
		}

		@Override
		public <T> T beforeSave(T model, Document document, String collection) {
			this.trace.add("beforeSave " + name(model) + " " + document.get("_id"));
			return model;
		}

		@Override
		public <T> T populateId(T model, Object id) {
			if (model instanceof Versioned versioned) {
				versioned.id = (ObjectId) id;
			}
			return model;
		}

		@Override
		public <T> T afterSave(T model, Document document, String collection) {
			this.trace.add("afterSave " + name(model));
			return model;
		}

	}

	private static final class Rules implements ModelRules {

		private final List<String> trace;

		boolean invalid;

		Rules(List<String> trace) {
			this.trace = trace;
		}

		@Override
		public void checkRelated(List<?> models) {
			this.trace.add("checkRelated " + models.size());
		}

		@Override
		public void validate(Object model) {
			this.trace.add("validate " + name(model));
			if (this.invalid) {
				throw new ValidationException("1 Note object is not valid",
						List.of(new FieldViolation("name", "must not be blank", "")));
			}
		}

		@Override
		public void validateAll(List<?> models) {
			this.trace.add("validateAll " + models.size());
			if (this.invalid) {
				throw new ValidationException("1 of 2 Note objects is not valid",
						List.of(new FieldViolation("[1].name", "must not be blank", "")));
			}
		}

		@Override
		public Object attach(Object model) {
			this.trace.add("attach " + name(model));
			return model;
		}

	}

	/** Counts from 1, as a fresh collection's counter does. */
	private static final class Counters implements IdSequence {

		private final List<String> trace;

		private long last;

		Counters(List<String> trace) {
			this.trace = trace;
		}

		@Override
		public long reserve(String collection, int count) {
			this.trace.add("reserve " + collection + " " + count);
			long first = this.last + 1;
			this.last += count;
			return first;
		}

		@Override
		public void advancePast(String collection, long id) {
			this.trace.add("advancePast " + collection + " " + id);
		}

		@Override
		public void resynchronize(String collection) {
			this.trace.add("resynchronize " + collection);
		}

	}

	/** A model converted for an insert: its id, as the encoder's own form. */
	private record Converted(Object id) {
	}

	/** Converts notes, except those named "b", to {@link Converted}; writes documents with the converter. */
	private record Converting(MappingMongoConverter converter, List<String> trace) implements ModelEncoder {

		@Override
		public Document encode(Object model) {
			Document document = new Document();
			this.converter.write(model, document);
			return document;
		}

		@Override
		public @Nullable Object convert(Object model) {
			Note note = (Note) model;
			this.trace.add("convert " + note.name + " " + note.id);
			return "b".equals(note.name) ? null : new Converted(java.util.Objects.requireNonNull(note.id));
		}

		@Override
		public Object id(Object converted) {
			return ((Converted) converted).id();
		}

	}

	/** Refuses as told, in turn; otherwise gives documents without an id one, as the driver does. */
	private static final class Inserts implements DocumentInserts {

		private final List<String> trace;

		final List<DuplicateKeyException> refusals = new ArrayList<>();

		final List<Document> sent = new ArrayList<>();

		Inserts(List<String> trace) {
			this.trace = trace;
		}

		@Override
		public Object insertOne(String collection, Document document, Class<?> model) {
			this.trace.add("insertOne " + collection + " " + document.get("_id"));
			return send(List.of(document)).get(0).get("_id");
		}

		@Override
		@SuppressWarnings("unchecked")
		public void insertMany(String collection, List<?> documents, Class<?> model, boolean ordered) {
			this.trace.add("insertMany " + collection + " " + documents.stream()
				.map((d) -> (d instanceof Converted converted) ? "converted " + converted.id() : ((Document) d).get("_id"))
				.toList() + " " + (ordered ? "ordered" : "unordered"));
			send(documents.stream().filter(Document.class::isInstance).map(Document.class::cast).toList());
		}

		private List<Document> send(List<Document> documents) {
			if (!this.refusals.isEmpty()) {
				throw this.refusals.remove(0);
			}
			for (Document document : documents) {
				document.putIfAbsent("_id", new ObjectId());
				this.sent.add(document);
			}
			return Collections.unmodifiableList(documents);
		}

	}

}
