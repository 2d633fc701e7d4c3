package io.djongo.spring.core.django;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.bulk.BulkResult;
import io.djongo.spring.core.query.CreateResult;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.support.DjongoRepositoryFactory;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What Java writes into collections it shares with Django: documents, counters, through rows and deletions exactly
 * as djongo 1.3.6 writes them, compared field by field, BSON types included, with the documents djongo wrote.
 */
class DjangoWriteIntegrationTests {

	DjongoTemplate template;

	MongoDatabase db;

	@BeforeEach
	void fixture() {
		this.template = DjangoFixture.template("django_write");
		this.template.getConverter().getMappingContext().getRequiredPersistentEntity(Note.class);
		this.db = DjangoFixture.database(this.template);
	}

	Document raw(String collection, Object id) {
		return DjangoFixture.raw(this.template, collection, "id", id);
	}

	Document schema(String table) {
		return DjangoFixture.raw(this.template, "__schema__", "name", table);
	}

	@Test
	void aPostJavaWritesHasTheShapeOfOneDjongoWrote() {
		Author ann = this.template.objects(Author.class).get("pk", 1);
		Post post = new Post("From Java", ann);
		post.stats = new Stats(100, 10);
		post.comments = List.of(new Comment("Bob", "Nice"));
		post.score = new BigDecimal("4.5");
		this.template.insert(post);

		assertThat(post.id).isEqualTo(6L);
		Document written = raw("blog_post", 6);
		Document djongos = raw("blog_post", 1);
		assertThat(DjangoShapes.of(written)).containsExactlyEntriesOf(DjangoShapes.of(djongos));
		assertThat(written).containsEntry("id", 6)
			.containsEntry("author_id", 1)
			.containsEntry("rating", null)
			.containsEntry("score", Decimal128.parse("4.50"))
			.doesNotContainKeys("_class", "tags");
		assertThat(written.get("_id")).isInstanceOf(ObjectId.class);
		assertThat(DjangoShapes.of(schema("blog_post"))).containsEntry("auto.seq", "INT32");
		assertThat(schema("blog_post").get("auto", Document.class)).containsEntry("seq", 6)
			.containsEntry("field_names", List.of("id"));
	}

	@Test
	void everyJavaInsertGetsTheNextIdOfDjongosCounter() {
		// on main: the second insert failed with E11000 ... index: __primary_key__ dup key: { id: null }
		this.template.insert(new Author("Dee"));
		this.template.insert(new Author("Eve"));
		List<Tag> tags = this.template.bulkCreate(List.of(new Tag("python"), new Tag("spring"), new Tag("bson")));
		assertThat(tags).extracting(Tag::getId).containsExactly(4L, 5L, 6L);
		assertThat(raw("blog_author", 5)).containsEntry("name", "Eve");
		assertThat(DjangoShapes.of(raw("blog_tag", 6))).containsExactlyEntriesOf(DjangoShapes.of(raw("blog_tag", 1)));
		assertThat(schema("blog_tag").get("auto", Document.class)).containsEntry("seq", 6);
	}

	@Test
	void insertsFromBothSidesInterleavedNeverCollide() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add((long) DjangoFixture.djangoInsert(this.db, "blog_author", new Document("name", "django " + i)));
			Author java = this.template.insert(new Author("java " + i));
			ids.add(java.getId());
		}
		assertThat(ids).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
		assertThat(this.template.objects(Author.class).count()).isEqualTo(13);
		assertThat(DjangoShapes.of(schema("blog_author"))).containsEntry("auto.seq", "INT32");
		assertThat(DjangoShapes.of(raw("blog_author", 13))).containsExactlyEntriesOf(
				DjangoShapes.of(raw("blog_author", 12)));
	}

	@Test
	void anIdTakenBehindTheCountersBackMovesTheCounterPastTheHighestIdOnce() {
		this.db.getCollection("blog_author").insertOne(new Document("id", 4).append("name", "by hand"));
		this.db.getCollection("blog_author").insertOne(new Document("id", 5).append("name", "by hand too"));
		Author java = this.template.insert(new Author("Dee"));
		assertThat(java.getId()).isEqualTo(6L);
		assertThat(raw("blog_author", 6)).containsEntry("name", "Dee");
		assertThat(DjangoShapes.of(schema("blog_author"))).containsEntry("auto.seq", "INT32");
		assertThat(DjangoFixture.djangoInsert(this.db, "blog_author", new Document("name", "Django's"))).isEqualTo(7);
	}

	@Test
	void anExplicitIdMovesDjangosCounterPastIt() {
		Author chosen = new Author("Chosen");
		chosen.id = 50L;
		this.template.insert(chosen);
		assertThat(DjangoShapes.of(schema("blog_author"))).containsEntry("auto.seq", "INT32");
		assertThat(schema("blog_author").get("auto", Document.class)).containsEntry("seq", 50);
		assertThat(DjangoFixture.djangoInsert(this.db, "blog_author", new Document("name", "Django's"))).isEqualTo(51);
		assertThat(this.template.insert(new Author("Java's")).getId()).isEqualTo(52L);
	}

	@Test
	void anExistingEntryIsOnlyIncremented() {
		Document before = schema("blog_post");
		this.template.insert(new Post("One more", this.template.objects(Author.class).get("pk", 2)));
		Document after = schema("blog_post");
		before.get("auto", Document.class).put("seq", 6);
		assertThat(after).isEqualTo(before);
	}

	@Test
	void javaFirstCreatesTheEntriesDjongosCreateTableWrites() {
		DjongoTemplate fresh = DjangoFixture.emptyTemplate("django_first");
		Author dee = fresh.insert(new Author("Dee"));
		Post post = new Post("First", dee);
		post.score = new BigDecimal("1");
		fresh.insert(post);
		fresh.manyToMany(post, "tags").add(fresh.insert(new Tag("java")));

		MongoDatabase database = DjangoFixture.database(fresh);
		Document entry = DjangoFixture.raw(fresh, "__schema__", "name", "blog_post");
		entry.remove("_id");
		Document djongos = DjangoFixture.raw(this.template, "__schema__", "name", "blog_post");
		djongos.remove("_id");
		djongos.get("auto", Document.class).put("seq", 1);
		assertThat(entry).isEqualTo(djongos);
		assertThat(DjangoShapes.of(entry)).isEqualTo(DjangoShapes.of(djongos));
		Document through = DjangoFixture.raw(fresh, "__schema__", "name", "blog_post_tags");
		through.remove("_id");
		Document djongosThrough = DjangoFixture.raw(this.template, "__schema__", "name", "blog_post_tags");
		djongosThrough.remove("_id");
		djongosThrough.get("auto", Document.class).put("seq", 1);
		assertThat(through).isEqualTo(djongosThrough);

		// Django's next insert finds auto.field_names (on main: KeyError: 'field_names')
		assertThat(DjangoFixture.djangoInsert(database, "blog_author", new Document("name", "Django's"))).isEqualTo(2);
		assertThat(fresh.objects(Author.class).get("pk", 2).getName()).isEqualTo("Django's");
	}

	@Test
	void saveSetsTheColumnsOfTheIdColumnsDocumentAsDjangosSaveDoes() {
		// a column only the Django model has
		this.db.getCollection("blog_post").updateOne(new Document("id", 1),
				new Document("$set", new Document("slug", "hello-djongo")));
		Document before = raw("blog_post", 1);
		Post post = this.template.objects(Post.class).get("pk", 1);
		post.title = "Edited";
		this.template.save(post);

		Document after = raw("blog_post", 1);
		assertThat(after.get("_id")).isEqualTo(before.get("_id"));
		assertThat(after).containsEntry("title", "Edited")
			.containsEntry("slug", "hello-djongo")
			.doesNotContainKeys("_class", "tags");
		before.put("title", "Edited");
		assertThat(DjangoShapes.of(after)).containsExactlyEntriesOf(DjangoShapes.of(before));
		assertThat(after).isEqualTo(before);
		assertThat(this.db.getCollection("blog_post").countDocuments()).isEqualTo(3);
		assertThat(this.db.getCollection("blog_post_tags").countDocuments(new Document("post_id", 1))).isEqualTo(2);

		PostRepository posts = new DjongoRepositoryFactory(this.template).getRepository(PostRepository.class);
		Post third = posts.findById(3L).orElseThrow();
		third.rating = null;
		posts.save(third);
		assertThat(raw("blog_post", 3)).containsEntry("rating", null).containsEntry("author_id", 2);
	}

	@Test
	void updatesWriteDjangosTypes() {
		Author bob = this.template.objects(Author.class).get("pk", 2);
		Map<String, String> djongos = DjangoShapes.of(raw("blog_post", 2));
		this.template.objects(Post.class)
			.filter("pk", 2)
			.update(Map.of("rating", 3, "score", new BigDecimal("2.5"), "author", bob));
		Document post = raw("blog_post", 2);
		assertThat(post).containsEntry("rating", 3).containsEntry("score", Decimal128.parse("2.50"))
			.containsEntry("author_id", 2);
		assertThat(DjangoShapes.of(post)).containsExactlyEntriesOf(djongos);
	}

	@Test
	void getOrCreateByTheIdColumnFindsOrCreatesAsDjangoDoes() {
		CreateResult<Author> found = this.template.objects(Author.class).getOrCreate(Map.of("pk", 2),
				Map.of("name", "other"));
		assertThat(found.created()).isFalse();
		assertThat(found.model().getName()).isEqualTo("Bob");

		// the id column is unique (djongo's __primary_key__): the race-free upsert on {id: 40}
		CreateResult<Author> created = this.template.objects(Author.class).getOrCreate(Map.of("id", 40),
				Map.of("name", "Forty"));
		assertThat(created.created()).isTrue();
		assertThat(created.model().getId()).isEqualTo(40L);
		assertThat(raw("blog_author", 40)).containsEntry("name", "Forty").doesNotContainKey("_class");
		assertThat(DjangoShapes.of(raw("blog_author", 40))).containsExactlyInAnyOrderEntriesOf(
				DjangoShapes.of(raw("blog_author", 1)));

		CreateResult<Author> byName = this.template.objects(Author.class).getOrCreate(Map.of("name", "Gil"));
		assertThat(byName.created()).isTrue();
		assertThat(byName.model().getId()).isGreaterThan(3L);
		assertThat(DjangoFixture.djangoInsert(this.db, "blog_author", new Document("name", "Django's")))
			.isGreaterThan(byName.model().getId().intValue());
	}

	@Test
	void expressionUpdatesKeepDjangosInt32() {
		Note note = this.template.insert(new Note("counted", null));
		assertThat(raw("blog_note", note.id.intValue())).containsEntry("words", 0);
		// Note.objects.filter(pk=...).update(words=F("words") + 5): $inc by an int32, as Python's int is one
		this.template.objects(Note.class).filter("pk", note.id).update(Map.of("words", F.of("words").plus(5L)));
		this.template.objects(Note.class).filter("pk", note.id).update(Map.of("words", F.of("words").times(3L)));
		assertThat(raw("blog_note", note.id.intValue()).get("words")).isEqualTo(15);
	}

	@Test
	void bulkWritesWorkOnTheIdColumn() {
		Author ann = this.template.objects(Author.class).get("pk", 1);
		Author renamed = this.template.objects(Author.class).get("pk", 2);
		renamed.name = "Robert";
		BulkResult result = this.template.bulk(Author.class)
			.insert(new Author("Dee"))
			.replace(renamed)
			.update(Q.of("pk", 3), Map.of("name", "Cidney"))
			.upsert(Q.of("name", "Eve"), Map.of("name", "Eve"))
			.execute();
		assertThat(result.insertedIds()).containsValue(4);
		assertThat(raw("blog_author", 4)).containsEntry("name", "Dee");
		assertThat(raw("blog_author", 2)).containsEntry("name", "Robert").doesNotContainKey("_class");
		assertThat(raw("blog_author", 3)).containsEntry("name", "Cidney");
		assertThat(raw("blog_author", 5)).containsEntry("name", "Eve");
		// an upsert's document starts with the filter's fields: the order differs, the types do not
		assertThat(DjangoShapes.of(raw("blog_author", 5))).containsExactlyInAnyOrderEntriesOf(
				DjangoShapes.of(raw("blog_author", 1)));

		Post post = this.template.objects(Post.class).get("pk", 3);
		post.rating = null;
		post.title = "Bulk";
		assertThat(this.template.bulkUpdate(List.of(post), "rating", "title")).isEqualTo(1);
		assertThat(raw("blog_post", 3)).containsEntry("rating", null).containsEntry("title", "Bulk");
		assertThat(ann.getName()).isEqualTo("Ann");
	}

	@Test
	void manyToManyPairsChangeAsDjangosManagerChangesThem() {
		Post post = this.template.objects(Post.class).get("pk", 3);
		Tag django = this.template.objects(Tag.class).get("pk", 1);
		Tag java = this.template.objects(Tag.class).get("pk", 3);
		assertThat(post.getTags()).isEmpty();

		this.template.manyToMany(post, "tags").add(java, django, 3L);
		assertThat(post.getTags()).extracting(Tag::getName).containsExactlyInAnyOrder("java", "django");
		Document row = DjangoFixture.raw(this.template, "blog_post_tags", "id", 4);
		assertThat(row).containsEntry("post_id", 3).containsEntry("tag_id", 3);
		assertThat(DjangoShapes.of(row)).containsExactlyEntriesOf(
				DjangoShapes.of(DjangoFixture.raw(this.template, "blog_post_tags", "id", 1)));
		assertThat(schema("blog_post_tags").get("auto", Document.class)).containsEntry("seq", 5);

		this.template.manyToMany(post, "tags").add(java);
		assertThat(this.db.getCollection("blog_post_tags").countDocuments(new Document("post_id", 3))).isEqualTo(2);

		this.template.manyToMany(post, "tags").remove(java);
		assertThat(post.getTags()).extracting(Tag::getName).containsExactly("django");

		this.template.manyToMany(post, "tags").set(List.of(2L, java));
		assertThat(this.template.<Tag>manyToMany(post, "tags").all().orderBy("id").valuesList("name", String.class)
			.list()).containsExactly("mongodb", "java");

		this.template.manyToMany(java, "post").add(this.template.objects(Post.class).get("pk", 1));
		assertThat(this.template.objects(Post.class).filter("tags__name", "java").orderBy("id")
			.valuesList("id", Long.class).list()).containsExactly(1L, 3L);

		this.template.manyToMany(post, "tags").clear();
		assertThat(this.db.getCollection("blog_post_tags").countDocuments(new Document("post_id", 3))).isZero();
		assertThat(this.db.getCollection("blog_post_tags").countDocuments()).isEqualTo(4);
	}

	@Test
	void manyToManyRefusesWhatDjangoRefuses() {
		Post post = this.template.objects(Post.class).get("pk", 1);
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.manyToMany(new Post("unsaved", null), "tags"))
			.withMessage("\"Post\" needs to have a value for field \"id\" before this many-to-many relationship can"
					+ " be used.");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.manyToMany(post, "tags").add(post))
			.withMessageContaining("'Tag' instance expected, got Post");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.manyToMany(post, "tags").add(new Tag("unsaved")))
			.withMessageContaining("the value for field \"tag\" is None");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.manyToMany(post, "author"))
			.withMessageContaining("not a many-to-many");

		post.tags = new ArrayList<>(List.of(this.template.objects(Tag.class).get("pk", 3)));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.save(post))
			.withMessageStartingWith("Direct assignment to the forward side of a many-to-many set is prohibited."
					+ " Use manyToMany(Post, \"tags\").set(...) instead");
		post.tags = new ArrayList<>();
		this.template.save(post);
		assertThat(this.db.getCollection("blog_post_tags").countDocuments(new Document("post_id", 1))).isEqualTo(2);
	}

	@Test
	void deletingAPostDeletesItsPairsAndCountsThemAsDjangoDoes() {
		DeleteResult result = this.template.objects(Post.class).filter("pk", 1).delete();
		// Django: (3, {'blog.Post_tags': 2, 'blog.Post': 1})
		assertThat(result.count()).isEqualTo(3);
		assertThat(result.count(Post.class)).isEqualTo(1);
		assertThat(result.count("blog_post_tags")).isEqualTo(2);
		assertThat(this.db.getCollection("blog_post_tags").countDocuments()).isEqualTo(1);
	}

	@Test
	void deletingAnAuthorCascadesToPostsAndTheirPairs() {
		this.template.insert(new Note("about Ann", this.template.objects(Author.class).get("pk", 1)));
		DeleteResult result = this.template.objects(Author.class).filter("name", "Ann").delete();
		// Django: (6, {'blog.Post_tags': 3, 'blog.Post': 2, 'blog.Author': 1}), the note's author set to null
		assertThat(result.count()).isEqualTo(6);
		assertThat(result.count(Author.class)).isEqualTo(1);
		assertThat(result.count(Post.class)).isEqualTo(2);
		assertThat(result.count("blog_post_tags")).isEqualTo(3);
		assertThat(this.db.getCollection("blog_post_tags").countDocuments()).isZero();
		assertThat(DjangoFixture.raw(this.template, "blog_note", "text", "about Ann")).containsEntry("author_id",
				null);
	}

	@Test
	void deletingATagOrThroughARepositoryDeletesItsPairs() {
		DeleteResult result = this.template.objects(Tag.class).filter("name", "django").delete();
		assertThat(result.count()).isEqualTo(3);
		assertThat(result.count("blog_post_tags")).isEqualTo(2);
		PostRepository posts = new DjongoRepositoryFactory(this.template).getRepository(PostRepository.class);
		posts.deleteById(1L);
		assertThat(this.db.getCollection("blog_post_tags").countDocuments()).isZero();
		assertThat(posts.count()).isEqualTo(2);
		this.template.remove(posts.findById(2L).orElseThrow());
		assertThat(posts.count()).isEqualTo(1);
	}

	interface PostRepository extends DjongoRepository<Post, Long> {

	}

}
