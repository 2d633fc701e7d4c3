package io.djongo.spring.core.logging;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandFormatterUnitTests {

	private final CommandFormatter shapes = new CommandFormatter(false);

	private final CommandFormatter values = new CommandFormatter(true);

	@Test
	void shapeKeepsFieldNamesAndTheCollectionAndHidesValues() {
		BsonDocument find = BsonDocument.parse("""
				{find: "blog_post", filter: {title: {$regex: "django", $options: "i"}, views: {$gt: 10}},
				 sort: {publishedDate: -1}, limit: 5, $db: "blog", lsid: {id: 1}}""");
		assertThat(this.shapes.command("find", find)).isEqualTo(
				"{find: \"blog_post\", filter: {title: ?, views: {$gt: ?}}, sort: {publishedDate: ?}, limit: ?}");
		assertThat(this.values.command("find", find)).contains("title: /django/i");
	}

	@Test
	void valuesAreShownWhenAskedFor() {
		BsonDocument find = BsonDocument.parse("{find: \"blog_post\", filter: {title: \"Django\", views: 10}}");
		assertThat(this.values.command("find", find))
			.isEqualTo("{find: \"blog_post\", filter: {title: \"Django\", views: 10}}");
	}

	@Test
	void arraysOfScalarsAreOneValueInTheShape() {
		BsonDocument find = BsonDocument.parse("{find: \"t\", filter: {tags: {$in: [1, 2, 3]}, empty: []}}");
		assertThat(this.shapes.command("find", find)).isEqualTo("{find: \"t\", filter: {tags: {$in: ?}, empty: []}}");
		assertThat(this.values.command("find", find))
			.isEqualTo("{find: \"t\", filter: {tags: {$in: [1, 2, 3]}, empty: []}}");
	}

	@Test
	void documentsOfTheSameShapeCollapse() {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			documents.add(new Document("_id", new ObjectId()).append("title", "post " + i));
		}
		BsonDocument insert = new Document("insert", "posts").append("documents", documents)
			.toBsonDocument(BsonDocument.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry());
		assertThat(this.shapes.command("insert", insert))
			.isEqualTo("{insert: \"posts\", documents: [{_id: ?, title: ?} x1000]}");
	}

	@Test
	void longArraysOfValuesAreCutShort() {
		BsonArray numbers = new BsonArray();
		for (int i = 0; i < 50; i++) {
			numbers.add(new BsonInt32(i));
		}
		BsonDocument find = new BsonDocument("find", new BsonString("t")).append("filter",
				new BsonDocument("n", new BsonDocument("$in", numbers)));
		assertThat(this.values.command("find", find))
			.isEqualTo("{find: \"t\", filter: {n: {$in: [0, 1, 2, 3, 4, ... 45 more]}}}");
	}

	@Test
	void pipelineStagesShowTheirShape() {
		BsonDocument aggregate = BsonDocument.parse("""
				{aggregate: "entry", pipeline: [{$match: {"blog.name": "Beatles"}}, {$group: {_id: "$author", n: {$sum: 1}}}],
				 cursor: {}}""");
		assertThat(this.shapes.command("aggregate", aggregate)).isEqualTo(
				"{aggregate: \"entry\", pipeline: [{$match: {blog.name: ?}}, {$group: {_id: ?, n: {$sum: ?}}}], cursor: {}}");
	}

	@Test
	void passwordFieldsAreMaskedEvenWithValues() {
		BsonDocument insert = BsonDocument.parse(
				"{insert: \"users\", documents: [{name: \"ann\", password: \"hunter2\", profile: {PWD: \"x\"}}]}");
		assertThat(this.values.command("insert", insert)).isEqualTo(
				"{insert: \"users\", documents: [{name: \"ann\", password: ****, profile: {PWD: ****}}]}")
			.doesNotContain("hunter2");
	}

	@Test
	void commandsBlankedByTheDriverSayWhich() {
		assertThat(this.values.command("createUser", new BsonDocument()))
			.isEqualTo("{createUser: (blanked by the driver)}");
	}

	@Test
	void failureShowsCodeAndNameAndTheMessageOnlyWithValues() {
		MongoCommandException duplicate = new MongoCommandException(BsonDocument.parse(
				"{ok: 0, code: 11000, codeName: \"DuplicateKey\", errmsg: \"E11000 duplicate key: { title: \\\"secret\\\" }\"}"),
				new ServerAddress());
		assertThat(this.shapes.failure(duplicate)).isEqualTo("error 11000 (DuplicateKey)");
		assertThat(this.values.failure(duplicate)).startsWith("error 11000 (DuplicateKey): ").contains("secret");
		assertThat(this.shapes.failure(new IllegalStateException("x"))).isEqualTo("IllegalStateException");
	}

}
