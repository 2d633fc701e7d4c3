package io.djongo.spring.core.bulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.relation.Post;
import io.djongo.spring.core.relation.Tag;
import io.djongo.spring.core.relation.deletion.Author;
import io.djongo.spring.core.relation.deletion.Comment;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Bulk writes: the builder's mixed operations in one command, checked before anything is sent, MongoDB's ordered and
 * unordered semantics with per-operation errors, and Django's {@code bulk_update}. Counts come from the driver;
 * where the embedded server over-reports them for a write with a failing operation, the stored data is asserted.
 */
class BulkWriteIntegrationTests {

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void template() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("bulk"), Entry.class, Author.class,
				Comment.class, io.djongo.spring.core.relation.deletion.Post.class, Post.class, Tag.class);
	}

	@BeforeEach
	void clean() {
		template.getDb().drop();
		template.mongo(Entry.class).createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true).sparse(true));
		this.commands.clear();
	}

	@Test
	void mixedOperationsAreOneCommandWithTheirCountsAndIds() {
		Entry kept = template.insert(entry("kept", "kept", 3));
		Entry replaced = template.insert(entry("replaced", "replaced", 1));
		template.insert(entry("draft one", "d1", 1));
		template.insert(entry("draft two", "d2", 1));
		this.commands.clear();
		replaced.title = "replacement";
		Entry first = new Entry("first", "first");
		BulkResult result = template.bulk(Entry.class)
			.insert(first)
			.insert(new Entry("second", "second"))
			.update(Q.of("rating__gte", 3), Map.of("views", 10))
			.updateOne(Q.of("title__startswith", "draft"), Map.of("views", F.of("views").plus(1)))
			.replace(replaced)
			.delete(Map.of("slug", "d2"))
			.upsert(Map.of("slug", "new"), Map.of("title", "upserted", "rating", 5))
			.execute();
		// the ids reserved first (inserts, then the upsert's), then one bulkWrite: the driver sends a command per run
		// of operations of one kind
		assertThat(this.commands.names()).startsWith("findAndModify", "findAndModify", "insert")
			.containsSubsequence("insert", "update", "delete", "update")
			.doesNotContain("find", "aggregate");
		assertThat(result.inserted()).isEqualTo(2);
		assertThat(result.matched()).isEqualTo(3);
		assertThat(result.modified()).isEqualTo(3);
		assertThat(result.deleted()).isEqualTo(1);
		assertThat(result.upserted()).isEqualTo(1);
		assertThat(result.errors()).isEmpty();
		assertThat(result.insertedIds()).containsOnlyKeys(0, 1).containsEntry(0, first.getId());
		assertThat(first.getId()).isEqualTo(5L);
		assertThat(result.upsertedIds()).containsOnlyKeys(6);
		Object upsertedId = result.upsertedIds().get(6);
		assertThat(upsertedId).isInstanceOf(Long.class).isEqualTo(7L);
		assertThat(template.objects(Entry.class).get("pk", kept.getId()).getViews()).isEqualTo(10);
		assertThat(template.objects(Entry.class).get("slug", "d1").getViews()).isEqualTo(1);
		assertThat(template.objects(Entry.class).get("pk", replaced.getId()).getTitle()).isEqualTo("replacement");
		assertThat(template.objects(Entry.class).filter("slug", "d2").exists()).isFalse();
		Entry upserted = template.objects(Entry.class).get("pk", upsertedId);
		assertThat(upserted.getTitle()).isEqualTo("upserted");
		assertThat(upserted.getRating()).isEqualTo(5);
		assertThat(template.objects(Entry.class).count()).isEqualTo(6);
	}

	@Test
	void anUpsertMatchingADocumentUpdatesIt() {
		Entry existing = template.insert(entry("old title", "same", 1));
		BulkResult result = template.bulk(Entry.class)
			.upsert(Map.of("slug", "same"), Map.of("title", "new title"))
			.execute();
		assertThat(result.matched()).isEqualTo(1);
		assertThat(result.upserted()).isZero();
		assertThat(result.upsertedIds()).isEmpty();
		assertThat(template.objects(Entry.class).get("pk", existing.getId()).getTitle()).isEqualTo("new title");
	}

	@Test
	void anUpsertByIdInsertsThatId() {
		BulkResult result = template.bulk(Entry.class).upsert(Map.of("pk", 40L), Map.of("title", "forty")).execute();
		assertThat(result.upsertedIds()).containsEntry(0, 40L);
		assertThat(template.objects(Entry.class).get("pk", 40L).getTitle()).isEqualTo("forty");
	}

	@Test
	void anInvalidModelStopsEverythingBeforeAnythingIsSent() {
		template.insert(entry("kept", "kept", 1));
		this.commands.clear();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> template.bulk(Entry.class)
			.delete(Map.of("slug", "kept"))
			.insert(new Entry("valid", "v"))
			.insert(new Entry("", "blank"))
			.execute()).withMessageContaining("title");
		assertThat(this.commands.names()).isEmpty();
		assertThat(template.objects(Entry.class).count()).isEqualTo(1);
	}

	@Test
	void anInvalidUpdateValueStopsEverythingBeforeAnythingIsSent() {
		this.commands.clear();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> template.bulk(Entry.class)
			.insert(new Entry("valid", "v"))
			.update(Q.of("slug", "x"), Map.of("title", "far too long a title for the field"))
			.execute());
		assertThat(this.commands.names()).isEmpty();
	}

	@Test
	void lookupsAndValuesAreLiterals() {
		template.insert(entry("kept", "kept", 1));
		BulkResult result = template.bulk(Entry.class)
			.update(Q.of("slug", new Document("$ne", "nothing")), Map.of("views", 5))
			.execute();
		assertThat(result.matched()).isZero();
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> template.bulk(Entry.class)
			.update(Q.of("slug", "kept"), Map.of("$set", 5))
			.execute());
	}

	@Test
	void orderedStopsAtTheFirstRefusal() {
		template.insert(entry("taken", "taken", 1));
		Entry first = new Entry("first", "first");
		Entry third = new Entry("third", "third");
		assertThatExceptionOfType(BulkWriteException.class).isThrownBy(() -> template.bulk(Entry.class)
			.insert(first)
			.insert(new Entry("duplicate", "taken"))
			.insert(third)
			.update(Q.of("slug", "taken"), Map.of("views", 9))
			.execute()).satisfies((ex) -> {
				BulkResult result = ex.getResult();
				assertThat(result.errors()).singleElement().satisfies((error) -> {
					assertThat(error.index()).isEqualTo(1);
					assertThat(error.code()).isEqualTo(11000);
				});
				assertThat(result.insertedIds()).containsOnlyKeys(0);
				if (!TestMongo.isEmbedded()) {
					// the embedded server over-reports insertedCount here (see docs/testing.md)
					assertThat(result.inserted()).isEqualTo(1);
				}
			});
		assertThat(slugs()).containsExactlyInAnyOrder("taken", "first");
		assertThat(template.objects(Entry.class).get("slug", "taken").getViews()).isZero();
		assertThat(first.getId()).isNotNull();
	}

	@Test
	void unorderedAttemptsEveryOperation() {
		template.insert(entry("taken", "taken", 1));
		assertThatExceptionOfType(BulkWriteException.class).isThrownBy(() -> template.bulk(Entry.class)
			.insert(new Entry("first", "first"))
			.insert(new Entry("duplicate", "taken"))
			.insert(new Entry("third", "third"))
			.update(Q.of("slug", "taken"), Map.of("views", 9))
			.ordered(false)
			.execute()).satisfies((ex) -> {
				BulkResult result = ex.getResult();
				assertThat(result.errors()).extracting(BulkError::index).containsExactly(1);
				assertThat(result.insertedIds()).containsOnlyKeys(0, 2);
				assertThat(result.modified()).isEqualTo(1);
				if (!TestMongo.isEmbedded()) {
					assertThat(result.inserted()).isEqualTo(2);
				}
			});
		assertThat(slugs()).containsExactlyInAnyOrder("taken", "first", "third");
		assertThat(template.objects(Entry.class).get("slug", "taken").getViews()).isEqualTo(9);
	}

	@Test
	void aModelThatRelationsPointAtIsNotDeletedInBulk() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.bulk(Author.class).delete(Map.of("name", "Ann")))
			.withMessageContaining("on_delete").withMessageContaining("objects(Author.class)");
	}

	@Test
	void aBuilderIsExecutedOnceAndNeedsAnOperation() {
		BulkWrite<Entry> bulk = template.bulk(Entry.class).insert(new Entry("one", "one"));
		bulk.execute();
		assertThatIllegalStateException().isThrownBy(bulk::execute).withMessageContaining("already executed");
		assertThatIllegalStateException().isThrownBy(() -> template.bulk(Entry.class).execute())
			.withMessageContaining("at least one operation");
	}

	@Test
	void bulkUpdateWritesTheNamedFieldsInOneCommand() {
		Entry a = template.insert(entry("a", "a", 1));
		Entry b = template.insert(entry("b", "b", 2));
		a.title = "a changed";
		a.views = 100;
		b.title = "b changed";
		b.rating = null;
		this.commands.clear();
		long matched = template.bulkUpdate(List.of(a, b), "title", "rating");
		assertThat(matched).isEqualTo(2);
		assertThat(this.commands.names()).containsExactly("update");
		Document stored = template.mongo(Entry.class).find(new Document("_id", b.getId())).first();
		assertThat(stored).containsEntry("title", "b changed").doesNotContainKey("rating");
		Entry storedA = template.objects(Entry.class).get("pk", a.getId());
		assertThat(storedA.getTitle()).isEqualTo("a changed");
		assertThat(storedA.getViews()).as("not named: not written").isZero();
	}

	@Test
	void bulkUpdateFollowsDjangosRules() {
		Entry saved = template.insert(entry("a", "a", 1));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.bulkUpdate(List.of(saved)))
			.withMessage("Field names must be given to bulk_update().");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.bulkUpdate(List.of(saved), "id"))
			.withMessage("bulk_update() cannot be used with primary key fields.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.bulkUpdate(List.of(new Entry("new", "new")), "title"))
			.withMessage("All bulk_update() objects must have a primary key set.");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> template.bulkUpdate(List.of(saved), "nope"))
			.withMessageContaining("Entry has no field named 'nope'");
		Post post = new Post();
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.bulkUpdate(List.of(post), "tags"))
			.withMessageContaining("many-to-many");
		saved.title = "";
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> template.bulkUpdate(List.of(saved), "title"));
		assertThat(template.objects(Entry.class).get("pk", saved.getId()).getTitle()).isEqualTo("a");
	}

	private static Entry entry(String title, String slug, int rating) {
		Entry entry = new Entry(title, slug);
		entry.rating = rating;
		return entry;
	}

	private static List<String> slugs() {
		List<String> slugs = new ArrayList<>();
		template.mongo(Entry.class).find().forEach((document) -> slugs.add(document.getString("slug")));
		return slugs;
	}

	static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
