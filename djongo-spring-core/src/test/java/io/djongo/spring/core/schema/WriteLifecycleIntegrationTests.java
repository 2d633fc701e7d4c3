package io.djongo.spring.core.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.WriteConcern;
import io.djongo.spring.core.bridge.DjongoOptions;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import jakarta.validation.constraints.NotNull;
import org.bson.BsonDocument;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.mongodb.config.EnableMongoAuditing;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.MongoMappingEvent;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The application's part of a write: its mapping events and entity callbacks fire as Spring Data fires them, in
 * Spring Data's order for each model, and see djongo's steps where they happen (validation and ids after the
 * before-convert callbacks, so that auditing fills a new model as new); and the template's write concern and
 * resolver decide the write concern of every insert, unordered bulk creates included.
 */
@SpringJUnitConfig
class WriteLifecycleIntegrationTests {

	static final String COLLECTION = "lifecycle_stamped";

	@Autowired
	DjongoTemplate template;

	@Autowired
	StampedRepository stamped;

	@Autowired
	Trace trace;

	@BeforeEach
	void empty() {
		this.template.mongo(COLLECTION).drop();
		// ids count from 1 again
		this.template.mongo("__schema__").deleteMany(new Document("name", COLLECTION));
		this.trace.steps.clear();
	}

	@Test
	void eachModelSeesSpringDatasEventsAndCallbacksInSpringDatasOrder() {
		this.template.insert(new Stamped("one"));

		assertThat(this.trace.steps).containsExactly("BeforeConvertEvent one id=null",
				"BeforeConvertCallback one id=null", "BeforeSaveEvent one _id=1", "BeforeSaveCallback one _id=1",
				"AfterSaveEvent one", "AfterSaveCallback one");
	}

	@Test
	void aBatchValidatesWholeAfterEveryBeforeConvertCallbackAndKeepsEachModelsOrder() {
		this.stamped.saveAll(List.of(new Stamped("a"), new Stamped("b")));

		List<String> a = this.trace.of("a");
		List<String> b = this.trace.of("b");
		assertThat(a).containsExactly("BeforeConvertEvent a id=null", "BeforeConvertCallback a id=null",
				"BeforeSaveEvent a _id=1", "BeforeSaveCallback a _id=1", "AfterSaveEvent a", "AfterSaveCallback a");
		assertThat(b).containsExactly("BeforeConvertEvent b id=null", "BeforeConvertCallback b id=null",
				"BeforeSaveEvent b _id=2", "BeforeSaveCallback b _id=2", "AfterSaveEvent b", "AfterSaveCallback b");
		// every model is converted after the last before-convert callback: the batch is validated whole in between
		assertThat(this.trace.steps.indexOf("BeforeConvertCallback b id=null"))
			.isLessThan(this.trace.steps.indexOf("BeforeSaveEvent a _id=1"));
	}

	@Test
	void auditingFillsANewModelWithAnAutomaticIdAsNewBeforeItIsValidated() {
		Stamped saved = this.stamped.save(new Stamped("audited"));

		// created is @NotNull: validation ran after auditing filled it
		assertThat(saved.created).isNotNull();
		assertThat(saved.modified).isNotNull();
		Instant created = saved.created;
		saved.text = "changed";
		Stamped again = this.stamped.save(saved);
		assertThat(again.created).isEqualTo(created);
		assertThat(this.template.mongo(COLLECTION).find().first()).containsEntry("text", "changed");
	}

	@Test
	void theTemplatesWriteConcernGoesWithEveryInsertUnorderedBulkCreatesToo() {
		DjongoTemplate majority = DjongoTestConfiguration.template(this.template.getDb().getName(),
				DjongoOptions.defaults().withWriteConcern(WriteConcern.MAJORITY));
		TestClients.recorder().clear();

		majority.bulkCreate(List.of(new Plain("a"), new Plain("b")), false);
		majority.bulkCreate(List.of(new Plain("c"), new Plain("d")));
		majority.insert(new Plain("e"));

		List<BsonDocument> inserts = inserts();
		assertThat(inserts).hasSize(3)
			.allSatisfy((insert) -> assertThat(insert.getDocument("writeConcern").getString("w").getValue())
				.isEqualTo("majority"));
		assertThat(inserts.get(0).getBoolean("ordered").getValue()).isFalse();
		assertThat(inserts.get(1).getBoolean("ordered").getValue()).isTrue();
		assertThat(majority.mongo(Plain.class).countDocuments()).isEqualTo(5);
		majority.mongo(Plain.class).drop();
	}

	@Test
	void theTemplatesWriteConcernResolverDecidesForUnorderedBulkCreates() {
		DjongoTemplate resolved = DjongoTestConfiguration.template(this.template.getDb().getName());
		List<Class<?>> asked = new CopyOnWriteArrayList<>();
		resolved.setWriteConcernResolver((action) -> {
			asked.add(action.getEntityType());
			return WriteConcern.W1.withJournal(true);
		});
		TestClients.recorder().clear();

		resolved.bulkCreate(List.of(new Plain("a"), new Plain("b")), false);

		assertThat(inserts()).singleElement()
			.satisfies((insert) -> assertThat(insert.getDocument("writeConcern").getBoolean("j").getValue()).isTrue());
		assertThat(asked).containsExactly(Plain.class);
		resolved.mongo(Plain.class).drop();
	}

	@Test
	void theWriteConcernIsAnOptionNotASetting() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.template.setWriteConcern(WriteConcern.MAJORITY))
			.withMessageContaining("DjongoOptions");
	}

	private static List<BsonDocument> inserts() {
		List<BsonDocument> inserts = new ArrayList<>();
		for (BsonDocument command : TestClients.recorder().commands()) {
			if (command.getFirstKey().equals("insert") && command.getString("insert").getValue().equals("lifecycle_plain")) {
				inserts.add(command);
			}
		}
		return inserts;
	}

	@org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
	static class Stamped {

		@Id
		@Nullable Long id;

		String text;

		@CreatedDate
		@NotNull
		@Nullable Instant created;

		@LastModifiedDate
		@Nullable Instant modified;

		Stamped(String text) {
			this.text = text;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("lifecycle_plain")
	static class Plain {

		@Id
		@Nullable Long id;

		String text;

		Plain(String text) {
			this.text = text;
		}

	}

	interface StampedRepository extends DjongoRepository<Stamped, Long> {

	}

	/** What the application's listener and callbacks saw, in order. */
	static final class Trace implements ApplicationListener<MongoMappingEvent<?>> {

		final List<String> steps = new CopyOnWriteArrayList<>();

		/** The steps of one model, by its text. */
		List<String> of(String text) {
			return this.steps.stream().filter((step) -> step.split(" ")[1].equals(text)).toList();
		}

		@Override
		public void onApplicationEvent(MongoMappingEvent<?> event) {
			if (event.getSource() instanceof Stamped model) {
				String name = event.getClass().getSimpleName() + " " + model.text;
				Document document = event.getDocument();
				this.steps.add((document != null && !name.startsWith("AfterSave")) ? name + " _id=" + document.get("_id")
						: name.startsWith("BeforeConvert") ? name + " id=" + model.id : name);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true,
			includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
					type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
					classes = StampedRepository.class))
	@EnableMongoAuditing
	@Import(DjongoTestConfiguration.class)
	static class Config {

		@Bean
		Trace trace() {
			return new Trace();
		}

		@Bean
		BeforeConvertCallback<Stamped> beforeConvert(Trace trace) {
			return (model, collection) -> {
				trace.steps.add("BeforeConvertCallback " + model.text + " id=" + model.id);
				return model;
			};
		}

		@Bean
		BeforeSaveCallback<Stamped> beforeSave(Trace trace) {
			return (model, document, collection) -> {
				trace.steps.add("BeforeSaveCallback " + model.text + " _id=" + document.get("_id"));
				return model;
			};
		}

		@Bean
		AfterSaveCallback<Stamped> afterSave(Trace trace) {
			return (model, document, collection) -> {
				trace.steps.add("AfterSaveCallback " + model.text);
				return model;
			};
		}

	}

}
