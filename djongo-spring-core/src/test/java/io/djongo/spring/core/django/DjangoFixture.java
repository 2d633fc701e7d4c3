package io.djongo.spring.core.django;

import java.util.List;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The database as djongo 1.3.6 leaves it after Django's {@code migrate} and a few inserts, written with the
 * raw driver as djongo writes it: {@code __schema__} entries with type codes and counters (int32), documents with
 * {@code _id} (an ObjectId) and {@code id} (int32), foreign keys as int32, nulls as {@code null}, no {@code _class},
 * the many-to-many in {@code blog_post_tags}, and djongo's indexes with Django's names.
 * <pre>
 * authors: 1 Ann, 2 Bob, 3 Cid       tags: 1 django, 2 mongodb, 3 java
 * posts:   1 "Hello djongo" (Ann, rating null, tags mongodb + django)
 *          2 "Django on Mongo" (Ann, rating 4, tag django)
 *          3 "Spring side" (Bob, rating 5, no tags)
 * </pre>
 */
final class DjangoFixture {

	static final List<String> MODELS = List.of("blog_author", "blog_tag", "blog_post", "blog_post_tags");

	private DjangoFixture() {
	}

	/** A template on a fresh database holding the fixture, with the models known. */
	static DjongoTemplate template(String name) {
		String database = TestMongo.uniqueDatabaseName(name);
		write(database(database));
		return DjongoTestConfiguration.template(database, Author.class, Tag.class, Post.class);
	}

	/** A template on a fresh empty database, with the models known. */
	static DjongoTemplate emptyTemplate(String name) {
		return DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName(name), Author.class, Tag.class,
				Post.class);
	}

	static MongoDatabase database(String name) {
		return TestClients.client().getDatabase(name);
	}

	static MongoDatabase database(DjongoTemplate template) {
		return database(template.getDb().getName());
	}

	static void write(MongoDatabase db) {
		// djongo's CREATE TABLE: __schema__ with its two indexes, one entry per table, djongo's indexes
		MongoCollection<Document> schema = db.getCollection("__schema__");
		schema.createIndex(new Document("name", 1), new IndexOptions().unique(true));
		schema.createIndex(new Document("auto", 1));
		schema.insertMany(List.of(
				entry("blog_author", new Document("id", code("int")).append("name", code("string")), 3),
				entry("blog_tag", new Document("id", code("int")).append("name", code("string")), 3),
				entry("blog_post", new Document("id", code("int")).append("title", code("string"))
					.append("rating", code("int"))
					.append("author_id", code("int"))
					.append("stats", code("object"))
					.append("comments", code("array"))
					.append("score", code("decimal")), 5),
				entry("blog_post_tags", new Document("id", code("int")).append("post_id", code("int"))
					.append("tag_id", code("int")), 3)));
		for (String table : MODELS) {
			db.getCollection(table).createIndex(new Document("id", 1),
					new IndexOptions().unique(true).name("__primary_key__"));
		}
		db.getCollection("blog_post").createIndex(new Document("author_id", 1),
				new IndexOptions().name("blog_post_author_id_dd7a8485"));
		MongoCollection<Document> through = db.getCollection("blog_post_tags");
		through.createIndex(new Document("post_id", 1).append("tag_id", 1),
				new IndexOptions().unique(true).name("blog_post_tags_post_id_tag_id_4925ec37_uniq"));
		through.createIndex(new Document("post_id", 1), new IndexOptions().name("blog_post_tags_post_id_a1c71c8a"));
		through.createIndex(new Document("tag_id", 1), new IndexOptions().name("blog_post_tags_tag_id_0875c551"));

		// djongo's INSERTs: pymongo adds the _id, Python ints are int32
		db.getCollection("blog_author").insertMany(List.of(new Document("id", 1).append("name", "Ann"),
				new Document("id", 2).append("name", "Bob"), new Document("id", 3).append("name", "Cid")));
		db.getCollection("blog_tag").insertMany(List.of(new Document("id", 1).append("name", "django"),
				new Document("id", 2).append("name", "mongodb"), new Document("id", 3).append("name", "java")));
		db.getCollection("blog_post").insertMany(List.of(
				post(1, "Hello djongo", null, 1, new Document("views", 100).append("likes", 10),
						List.of(new Document("who", "Bob").append("text", "Nice")), "4.50"),
				post(2, "Django on Mongo", 4, 1, new Document("views", 5).append("likes", 1), List.of(), "3.00"),
				post(3, "Spring side", 5, 2, new Document("views", 7).append("likes", 0),
						List.of(new Document("who", "Ann").append("text", "Hi"),
								new Document("who", "Cid").append("text", "Yo")),
						"5.00")));
		through.insertMany(List.of(new Document("id", 1).append("post_id", 1).append("tag_id", 2),
				new Document("id", 2).append("post_id", 1).append("tag_id", 1),
				new Document("id", 3).append("post_id", 2).append("tag_id", 1)));
	}

	static Document post(int id, String title, Integer rating, int author, Document stats, List<Document> comments,
			String score) {
		return new Document("id", id).append("title", title)
			.append("rating", rating)
			.append("author_id", author)
			.append("stats", stats)
			.append("comments", comments)
			.append("score", Decimal128.parse(score));
	}

	static Document entry(String table, Document fields, int seq) {
		return new Document("name", table).append("fields", fields)
			.append("auto", new Document("seq", seq).append("field_names", List.of("id")));
	}

	static Document code(String code) {
		return new Document("type_code", code);
	}

	/** djongo's insert of one row: the counter's {@code $inc} by a Python int, then the document with that id. */
	static int djangoInsert(MongoDatabase db, String table, Document columns) {
		Document counter = db.getCollection("__schema__")
			.findOneAndUpdate(new Document("name", table).append("auto", new Document("$exists", true)),
					new Document("$inc", new Document("auto.seq", 1)),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		int id = ((Number) counter.get("auto", Document.class).get("seq")).intValue();
		Document row = new Document("id", id);
		row.putAll(columns);
		db.getCollection(table).insertOne(row);
		return id;
	}

	static Document raw(DjongoTemplate template, String collection, String field, Object value) {
		FindIterable<Document> found = database(template).getCollection(collection).find(new Document(field, value));
		Document document = found.first();
		if (document == null) {
			throw new AssertionError("no document {" + field + ": " + value + "} in " + collection);
		}
		return document;
	}

}
