package io.djongo.spring.core.bridge;

import com.mongodb.client.MongoClients;
import io.djongo.spring.core.gridfs.FileField;
import io.djongo.spring.core.gridfs.FileFieldCallbacks;
import io.djongo.spring.core.gridfs.StoredFile;
import io.djongo.spring.core.model.DjongoConversions;
import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.model.EnforceSchema;
import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.schema.EnforceSchemaCallback;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the template's codec stands in for documents: only where no listener, callback or djongo rule would look at
 * the document, as the template's context shows them.
 */
class TemplateCodecsUnitTests {

	static final MongoDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(
			MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=1"), "template_codecs");

	static final MongoMappingContext mappingContext = mappingContext();

	static final MappingMongoConverter converter = converter();

	/** {@link Other} stands for a model in Django storage: its documents get a {@code shaped} field. */
	final TemplateCodecs codecs = new TemplateCodecs(converter, factory, (type) -> type == Other.class,
			(model, document) -> {
				if (model instanceof Other) {
					document.put("shaped", true);
				}
			});

	@Nullable AnnotationConfigApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void withoutContextNothingLooksAtDocuments() {
		assertThat(this.codecs.needsDocumentOnSave(Note.class)).isFalse();
		assertThat(this.codecs.of(Note.class)).isEmpty();
		assertThat(this.codecs.codecs().convert(new Note())).as("no id yet").isNull();
	}

	@Test
	void contextListenersOfOtherEventsLookAtNoDocument() {
		context(OtherListener.class);
		assertThat(this.codecs.needsDocumentOnSave(Note.class)).isFalse();
		assertThat(this.codecs.of(Note.class)).isEmpty();
	}

	@Test
	void aListenerOfSaveEventsNeedsTheDocuments() {
		context(BeforeSaveListener.class);
		assertThat(this.codecs.needsDocumentOnSave(Note.class)).isTrue();
		this.codecs.eventsEnabled(false);
		assertThat(this.codecs.needsDocumentOnSave(Note.class)).as("events not published").isFalse();
	}

	@Test
	void anEventListenerMethodOfAfterSaveEventsNeedsTheDocuments() {
		context(AfterSaveMethod.class);
		assertThat(this.codecs.needsDocumentOnSave(Note.class)).isTrue();
	}

	@Test
	void aListenerOfAParentContextNeedsTheDocuments() {
		AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext(BeforeSaveListener.class);
		AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext();
		child.setParent(parent);
		child.refresh();
		this.codecs.context(child);
		try {
			assertThat(this.codecs.needsDocumentOnSave(Note.class)).isTrue();
		}
		finally {
			child.close();
			parent.close();
		}
	}

	@Test
	void aCallbackNeedsTheDocumentsOfTheModelsItAppliesToOnly() {
		context(OtherModelCallback.class);
		assertThat(this.codecs.needsDocumentOnSave(Note.class)).isFalse();
		assertThat(this.codecs.needsDocumentOnSave(Other.class)).isTrue();
	}

	@Test
	void enforceSchemaNeedsTheDocumentsOfTheModelsItEnforcesAndKnowsTheirFields() {
		context(EnforceSchemaConfiguration.class);
		assertThat(this.codecs.needsDocumentOnSave(Note.class)).isFalse();
		assertThat(this.codecs.of(Note.class)).isEmpty();
		assertThat(this.codecs.needsDocumentOnSave(Enforced.class)).isTrue();
		assertThat(this.codecs.of(Enforced.class)).containsExactly("title", "rating");
	}

	@Test
	void fileFieldsNeedTheDocumentsOfTheirModelsAndAnyOtherAfterConvertCallbackNeedsThem() {
		context(FileFieldsConfiguration.class);
		assertThat(this.codecs.of(Note.class)).isEmpty();
		assertThat(this.codecs.of(WithFile.class)).isNull();
		close();
		context(AfterConvertConfiguration.class);
		assertThat(this.codecs.of(Note.class)).isNull();
	}

	@Test
	void callbacksGivenOrAddedAreNotKnownAndNeedTheDocuments() {
		context(OtherListener.class);
		this.codecs.callbacksUnknown();
		assertThat(this.codecs.needsDocumentOnSave(Note.class)).isTrue();
		assertThat(this.codecs.of(Note.class)).isNull();
		assertThat(this.codecs.codecs().decodesModels(Note.class)).isFalse();
	}

	@Test
	void beforeConvertIsNeededByItsListenersAndTheCallbacksThatApply() {
		assertThat(this.codecs.needsBeforeConvert(Note.class)).as("no context").isFalse();
		context(BeforeSaveListener.class);
		assertThat(this.codecs.needsBeforeConvert(Note.class)).as("a listener of other events").isFalse();
		close();
		context(BeforeConvertListener.class);
		assertThat(this.codecs.needsBeforeConvert(Note.class)).isTrue();
		this.codecs.eventsEnabled(false);
		assertThat(this.codecs.needsBeforeConvert(Note.class)).as("events not published").isFalse();
		this.codecs.eventsEnabled(true);
		close();
		context(OtherModelBeforeConvertCallback.class);
		assertThat(this.codecs.needsBeforeConvert(Note.class)).isFalse();
		assertThat(this.codecs.needsBeforeConvert(Other.class)).isTrue();
		this.codecs.callbacksUnknown();
		assertThat(this.codecs.needsBeforeConvert(Note.class)).as("callbacks given").isTrue();
	}

	@Test
	void aModelInDjangoStorageIsReadAndWrittenThroughItsShapedDocumentOnly() {
		Other other = new Other();
		other.id = 7L;
		Note note = new Note();
		note.id = 8L;

		assertThat(this.codecs.decoder(Other.class)).isNull();
		assertThat(this.codecs.convert(other)).isNull();
		assertThat(this.codecs.encode(other)).containsEntry("_id", 7L).containsEntry("shaped", true);
		assertThat(this.codecs.decoder(Note.class)).isNotNull();
		assertThat(this.codecs.convert(note)).isNotNull();
		assertThat(this.codecs.encode(note)).doesNotContainKey("shaped");
	}

	private void context(Class<?> configuration) {
		this.context = new AnnotationConfigApplicationContext(configuration);
		this.codecs.context(this.context);
	}

	private static MongoMappingContext mappingContext() {
		MongoCustomConversions conversions = DjongoConversions.create();
		MongoMappingContext context = new DjongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		return context;
	}

	private static MappingMongoConverter converter() {
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mappingContext);
		converter.setCustomConversions(DjongoConversions.create());
		converter.afterPropertiesSet();
		return converter;
	}

	@org.springframework.data.mongodb.core.mapping.Document("notes")
	static class Note {

		@Id
		@Nullable Long id;

		@Nullable String title;

	}

	@org.springframework.data.mongodb.core.mapping.Document("others")
	static class Other {

		@Id
		@Nullable Long id;

	}

	@Model(enforceSchema = EnforceSchema.ENABLED)
	static class Enforced {

		@Id
		@Nullable Long id;

		@Nullable String title;

		@Nullable Integer rating;

	}

	static class WithFile {

		@Id
		@Nullable Long id;

		@FileField
		@Nullable StoredFile file;

	}

	static class OtherListener implements ApplicationListener<ContextRefreshedEvent> {

		@Override
		public void onApplicationEvent(ContextRefreshedEvent event) {
		}

	}

	static class BeforeSaveListener implements ApplicationListener<BeforeSaveEvent<Object>> {

		@Override
		public void onApplicationEvent(BeforeSaveEvent<Object> event) {
		}

	}

	static class BeforeConvertListener {

		@EventListener
		void converting(BeforeConvertEvent<Note> event) {
		}

	}

	static class OtherModelBeforeConvertCallback implements BeforeConvertCallback<Other> {

		@Override
		public Other onBeforeConvert(Other entity, String collection) {
			return entity;
		}

	}

	static class AfterSaveMethod {

		@EventListener
		void saved(AfterSaveEvent<Note> event) {
		}

	}

	static class OtherModelCallback implements BeforeSaveCallback<Other> {

		@Override
		public Other onBeforeSave(Other entity, Document document, String collection) {
			return entity;
		}

	}

	static class EnforceSchemaConfiguration {

		@Bean
		EnforceSchemaCallback enforceSchemaCallback() {
			return new EnforceSchemaCallback(mappingContext, false);
		}

	}

	static class FileFieldsConfiguration {

		@Bean
		FileFieldCallbacks fileFieldCallbacks() {
			return new FileFieldCallbacks(factory, mappingContext);
		}

	}

	static class AfterConvertConfiguration {

		@Bean
		AfterConvertCallback<Object> afterConvert() {
			return new AfterConvertCallback<>() {

				@Override
				public Object onAfterConvert(Object entity, Document document, String collection) {
					return entity;
				}

			};
		}

	}

}
