package io.djongo.spring.core.schema.migration.internal;

import io.djongo.spring.core.model.CappedCollection;
import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.core.model.ModelRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Capped collections without a server (the embedded server cannot create them): the {@code create} command compared
 * with MongoDB's documented shape, the comparison with what {@code listCollections} reports, and the checks of
 * {@code @Model(capped)}.
 */
class CappedCollectionsUnitTests {

	@org.springframework.data.mongodb.core.mapping.Document("capped_event")
	@Model(capped = true, maxSize = 1_048_576, maxDocuments = 1000)
	static class Event {

		@org.springframework.data.annotation.Id
		String id;

	}

	@org.springframework.data.mongodb.core.mapping.Document("capped_log")
	@Model(capped = true, maxSize = 5_000_000_000L)
	static class Log {

		@org.springframework.data.annotation.Id
		String id;

	}

	@org.springframework.data.mongodb.core.mapping.Document("capped_nosize")
	@Model(capped = true)
	static class NoSize {

		@org.springframework.data.annotation.Id
		String id;

	}

	@org.springframework.data.mongodb.core.mapping.Document("capped_uncapped_limit")
	@Model(maxDocuments = 10)
	static class LimitWithoutCapped {

		@org.springframework.data.annotation.Id
		String id;

	}

	@org.springframework.data.mongodb.core.mapping.Document("capped_negative")
	@Model(capped = true, maxSize = 4096, maxDocuments = -1)
	static class NegativeLimit {

		@org.springframework.data.annotation.Id
		String id;

	}

	@ModelContainer
	@Model(capped = true, maxSize = 4096)
	static class CappedContainer {

		String text;

	}

	private final ModelRegistry registry = SchemaModels.registry(Event.class, Log.class);

	@Test
	void aCappedModelsCollectionIsCreatedCappedWithItsSizeAndDocumentLimit() {
		assertThat(Json.of(CollectionCreation.createCommand(this.registry.metadata(Event.class), "capped_event", null)))
			.isEqualTo(Json.parsed("{create: 'capped_event', capped: true, size: {$numberLong: '1048576'},"
					+ " max: {$numberLong: '1000'}}"));
		assertThat(Json.of(CollectionCreation.createCommand(this.registry.metadata(Log.class), "capped_log", null)))
			.as("no max without maxDocuments")
			.isEqualTo(Json.parsed("{create: 'capped_log', capped: true, size: {$numberLong: '5000000000'}}"));
	}

	@Test
	void aCappedCollectionTakesItsValidatorInTheSameCreateCommand() {
		Document validation = new Document("validator", new Document("$jsonSchema", new Document("bsonType", "object")));
		assertThat(CollectionCreation.createCommand(this.registry.metadata(Event.class), "capped_event", validation)
			.keySet()).containsExactly("create", "capped", "size", "max", "validator");
	}

	@Test
	void aCollectionAsDeclaredMatchesAsTheServerRoundsItsSize() {
		CappedCollection declared = new CappedCollection(1000, 0);
		assertThat(CappedCollections.difference(declared, Document.parse("{capped: true, size: 1000}"))).isEmpty();
		assertThat(CappedCollections.difference(declared, Document.parse("{capped: true, size: 1024}"))).isEmpty();
		assertThat(CappedCollections.difference(declared, Document.parse("{capped: true, size: 4096}"))).isEmpty();
		assertThat(CappedCollections.difference(new CappedCollection(10_000, 5),
				Document.parse("{capped: true, size: {$numberLong: '10240'}, max: 5}"))).isEmpty();
	}

	@Test
	void anUncappedCollectionIsReportedNeverConverted() {
		assertThat(CappedCollections.difference(new CappedCollection(1_048_576, 1000), new Document()))
			.isEqualTo("the collection is not capped (declared capped, maxSize 1048576, maxDocuments 1000); djongo"
					+ " does not convert a collection: convert it yourself (convertToCapped keeps only the newest"
					+ " documents that fit), or drop it and djongo creates it capped");
	}

	@Test
	void aCollectionCappedWithOtherLimitsIsReported() {
		assertThat(CappedCollections.difference(new CappedCollection(1_048_576, 1000),
				Document.parse("{capped: true, size: 8192, max: 10}")))
			.isEqualTo("the collection is capped with size 8192, max 10 (declared capped, maxSize 1048576,"
					+ " maxDocuments 1000); it is left as it is");
		assertThat(CappedCollections.difference(new CappedCollection(1_048_576, 0),
				Document.parse("{capped: true, size: 1048576, max: 10}")))
			.isEqualTo("the collection is capped with size 1048576, max 10 (declared capped, maxSize 1048576); it is"
					+ " left as it is");
	}

	@Test
	void aCappedModelNeedsAPositiveMaxSize() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> SchemaModels.registry(NoSize.class).metadata(NoSize.class))
			.withMessage("NoSize: @Model(capped = true) needs maxSize, the collection's size in bytes, above 0 (was 0)");
	}

	@Test
	void sizeLimitsWithoutCappedAreRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> SchemaModels.registry(LimitWithoutCapped.class).metadata(LimitWithoutCapped.class))
			.withMessage("LimitWithoutCapped: @Model(maxSize = 0, maxDocuments = 10) apply to a capped collection"
					+ " only; add capped = true, or remove them");
	}

	@Test
	void aNegativeDocumentLimitIsRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> SchemaModels.registry(NegativeLimit.class).metadata(NegativeLimit.class))
			.withMessage("NegativeLimit: @Model(maxDocuments = -1) must be 0 (no limit but the size) or above");
	}

	@Test
	void aContainerCannotBeCapped() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> SchemaModels.registry(CappedContainer.class).metadata(CappedContainer.class))
			.withMessageContaining("CappedContainer: @Model(capped = true) on a class without @Document");
	}

}
