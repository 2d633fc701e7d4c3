package io.djongo.spring.core.django;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.schema.CheckReport;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.core.schema.IndexState;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The start-up index step ({@code djongo.indexes: create}) on collections shared with Django: on an empty database
 * it creates what djongo's {@code migrate} creates, named as Django names it, so that a later {@code migrate} finds
 * its indexes in place; on djongo's database it creates nothing, and finds every index in place.
 */
class DjangoCollectionsIntegrationTests {

	/** Each index of a collection: name, keys and unique. */
	static Map<String, String> indexes(MongoDatabase db, String collection) {
		Map<String, String> result = new LinkedHashMap<>();
		for (Document index : db.getCollection(collection).listIndexes()) {
			result.put(index.getString("name"),
					index.get("key", Document.class).toJson() + (Boolean.TRUE.equals(index.get("unique")) ? " unique"
							: "") + (Boolean.TRUE.equals(index.get("sparse")) ? " sparse" : ""));
		}
		return result;
	}

	@Test
	void onAnEmptyDatabaseItCreatesWhatDjongosMigrateCreates() {
		DjongoTemplate template = DjangoFixture.emptyTemplate("django_startup");
		template.getConverter().getMappingContext().getRequiredPersistentEntity(Profile.class);
		template.schema().indexes(IndexMode.CREATE);
		MongoDatabase db = DjangoFixture.database(template);

		assertThat(indexes(db, "blog_post")).containsOnly(Map.entry("_id_", "{\"_id\": 1}"),
				Map.entry("__primary_key__", "{\"id\": 1} unique"),
				Map.entry("blog_post_author_id_dd7a8485", "{\"author_id\": 1}"));
		assertThat(indexes(db, "blog_post_tags")).containsOnly(Map.entry("_id_", "{\"_id\": 1}"),
				Map.entry("__primary_key__", "{\"id\": 1} unique"),
				Map.entry("blog_post_tags_post_id_tag_id_4925ec37_uniq", "{\"post_id\": 1, \"tag_id\": 1} unique"),
				Map.entry("blog_post_tags_post_id_a1c71c8a", "{\"post_id\": 1}"),
				Map.entry("blog_post_tags_tag_id_0875c551", "{\"tag_id\": 1}"));
		assertThat(indexes(db, "blog_author")).containsEntry("__primary_key__", "{\"id\": 1} unique");
		// a one-to-one's unique column, as djongo indexes it (not the sparse index of native storage)
		assertThat(indexes(db, "blog_profile")).containsEntry("author_id_1", "{\"author_id\": 1} unique")
			.hasSize(3);
		assertThat(indexes(db, "__schema__")).containsEntry("name_1", "{\"name\": 1} unique")
			.containsEntry("auto_1", "{\"auto\": 1}");
		List<String> entries = new ArrayList<>();
		db.getCollection("__schema__").find().forEach((entry) -> entries.add(entry.getString("name")));
		assertThat(entries).containsExactlyInAnyOrder("blog_author", "blog_tag", "blog_post", "blog_post_tags",
				"blog_profile");

		// Django's migrate, run afterwards: its CREATE TABLE finds the collection and stops; its ALTER TABLEs create
		// the same indexes under the same names, which MongoDB accepts as already there
		db.getCollection("blog_post").createIndex(new Document("author_id", 1),
				new IndexOptions().name("blog_post_author_id_dd7a8485"));
		db.getCollection("blog_post_tags").createIndex(new Document("post_id", 1).append("tag_id", 1),
				new IndexOptions().unique(true).name("blog_post_tags_post_id_tag_id_4925ec37_uniq"));
		assertThat(indexes(db, "blog_post_tags")).hasSize(5);
	}

	@Test
	void onDjongosDatabaseItCreatesNothing() {
		DjongoTemplate template = DjangoFixture.template("django_startup_existing");
		MongoDatabase db = DjangoFixture.database(template);
		Map<String, Map<String, String>> before = new LinkedHashMap<>();
		for (String collection : DjangoFixture.MODELS) {
			before.put(collection, indexes(db, collection));
		}
		List<Document> entries = db.getCollection("__schema__").find().into(new ArrayList<>());

		List<IndexState> states = template.schema().indexes(IndexMode.CREATE);
		assertThat(states).isNotEmpty().allMatch((state) -> state.status() == IndexState.Status.PRESENT);
		assertThat(template.schema().indexes(IndexMode.VERIFY)).hasSameSizeAs(states);

		for (String collection : DjangoFixture.MODELS) {
			assertThat(indexes(db, collection)).isEqualTo(before.get(collection));
		}
		assertThat(db.getCollection("__schema__").find().into(new ArrayList<>())).isEqualTo(entries);
	}

	@Test
	void theJsonSchemaAndTheCheckAcceptDjongosDocuments() {
		DjongoTemplate template = DjangoFixture.template("django_check");
		Document schema = template.jsonSchema(Post.class);
		Document properties = schema.get("properties", Document.class);
		assertThat(properties).containsKeys("id", "author_id").doesNotContainKeys("_id", "tags");
		assertThat(properties.get("id", Document.class).get("bsonType")).isEqualTo(List.of("int", "long"));
		assertThat(schema.getList("required", String.class)).contains("id");
		CheckReport report = template.schema().check(0);
		assertThat(report.models()).filteredOn((model) -> model.collection().startsWith("blog_"))
			.isNotEmpty()
			.allSatisfy((model) -> assertThat(model.fields()).noneMatch(CheckReport.FieldDrift::drift));
	}

	@Test
	void anEntryDjangoCannotUseIsReportedNotRewritten() {
		DjongoTemplate template = DjangoFixture.emptyTemplate("django_native_entry");
		MongoDatabase db = DjangoFixture.database(template);
		// the counter djongo-spring's native storage writes: no fields, no auto.field_names
		db.getCollection("__schema__").insertOne(new Document("name", "blog_tag").append("auto",
				new Document("seq", 4L)));
		Document before = db.getCollection("__schema__").find(new Document("name", "blog_tag")).first();
		Logger logger = (Logger) LoggerFactory.getLogger("djongo.schema");
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		logger.addAppender(events);
		try {
			template.schema().indexes(IndexMode.CREATE);
		}
		finally {
			logger.detachAppender(events);
		}
		assertThat(db.getCollection("__schema__").find(new Document("name", "blog_tag")).first()).isEqualTo(before);
		assertThat(events.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).contains("'blog_tag' has no auto.field_names",
					"KeyError: 'field_names'", "{$set: {'auto.field_names': ['id']}}");
		});
		assertThat(template.insert(new Tag("java")).getId()).isEqualTo(5L);
	}

	@Test
	void theIndexesHoldDjangosConstraints() {
		DjongoTemplate template = DjangoFixture.emptyTemplate("django_constraints");
		template.getConverter().getMappingContext().getRequiredPersistentEntity(Profile.class);
		template.schema().indexes(IndexMode.CREATE);
		MongoDatabase db = DjangoFixture.database(template);
		Author ann = template.insert(new Author("Ann"));
		Post post = template.insert(new Post("P", ann));
		Tag tag = template.insert(new Tag("t"));
		template.manyToMany(post, "tags").add(tag);

		assertThatExceptionOfType(MongoWriteException.class).isThrownBy(() -> db.getCollection("blog_post_tags")
			.insertOne(new Document("id", 99).append("post_id", 1).append("tag_id", 1)));
		assertThatExceptionOfType(MongoWriteException.class)
			.isThrownBy(() -> db.getCollection("blog_post").insertOne(new Document("id", 1).append("title", "again")));
		template.insert(new Profile(ann, "first"));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> template.insert(new Profile(ann, "second")));
	}

}
