package io.djongo.spring.core.schema.migration.internal;

import java.util.List;

import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.schema.SchemaValidation;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.Book;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.Hashed;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.Place;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.Writer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema djongo generates from a model, and the commands that apply it and shard collections, compared with
 * the shapes MongoDB documents ({@code $jsonSchema}, {@code create}, {@code collMod}, {@code shardCollection},
 * {@code enableSharding}): the embedded server accepts validators without enforcing them and has no sharding, so
 * these are checked here, without a server.
 */
class SchemaCommandsUnitTests {

	private final ModelRegistry registry = SchemaModels.registry(Book.class, Writer.class, Place.class, Hashed.class);

	@Test
	void theJsonSchemaOfAModelHasItsBsonTypesRequiredFieldsBoundsChoicesContainersAndRelations() {
		Document schema = new JsonSchemaGenerator(this.registry).of(Book.class);
		assertThat(Json.of(schema)).isEqualTo(Json.parsed("""
				{title: "Book", bsonType: "object",
				 required: ["_id", "isbn", "active", "rating", "address"],
				 properties: {
				  _id: {bsonType: "long"},
				  isbn: {bsonType: "string", minLength: 10, maxLength: 13, pattern: "^[0-9X-]+$"},
				  title: {bsonType: ["string", "null"], maxLength: 255},
				  published: {bsonType: ["date", "null"]},
				  email: {bsonType: ["string", "null"]},
				  active: {bsonType: "bool"},
				  rating: {bsonType: "int", minimum: 0, maximum: 5},
				  price: {bsonType: ["decimal", "null"]},
				  state: {bsonType: ["string", "null"], enum: ["draft", "published", null]},
				  status: {bsonType: ["string", "null"], enum: ["DRAFT", "PUBLISHED", null]},
				  tags: {bsonType: ["array", "null"], items: {bsonType: "string"}},
				  address: {bsonType: "object", required: ["city"], properties: {
				    city: {bsonType: "string", minLength: 1, maxLength: 40}, zip: {bsonType: ["string", "null"]}}},
				  branches: {bsonType: ["array", "null"], items: {bsonType: "object", required: ["city"], properties: {
				    city: {bsonType: "string", minLength: 1, maxLength: 40}, zip: {bsonType: ["string", "null"]}}}},
				  extra: {bsonType: ["object", "null"]},
				  author_id: {bsonType: ["long", "null"]},
				  editor_id: {bsonType: ["long", "null"]},
				  reviewers: {bsonType: ["array", "null"], items: {bsonType: "long"}}
				 }}"""));
	}

	@Test
	void aStringIdMayBeStoredAsAnObjectId() {
		Document schema = new JsonSchemaGenerator(this.registry).of(Place.class);
		assertThat(schema.get("properties", Document.class).get("_id"))
			.isEqualTo(Document.parse("{bsonType: ['objectId', 'string']}"));
	}

	@Test
	void aNewCollectionIsCreatedWithItsValidatorLevelAndAction() {
		Document validator = new Document("$jsonSchema", new Document("bsonType", "object"));
		Document command = CollectionCreation.createCommand(this.registry.metadata(Book.class), "schema_book",
				ValidatorApplier.validation(validator, SchemaValidation.ERROR, SchemaValidation.Level.STRICT));
		assertThat(Json.of(command)).isEqualTo(Json.parsed("""
				{create: "schema_book", validator: {$jsonSchema: {bsonType: "object"}},
				 validationLevel: "strict", validationAction: "error"}"""));
		assertThat(Json.of(CollectionCreation.createCommand(this.registry.metadata(Book.class), "schema_book", null)))
			.isEqualTo(Json.parsed("{create: 'schema_book'}"));
	}

	@Test
	void anExistingCollectionGetsItsValidatorWithCollMod() {
		Document validator = new Document("$jsonSchema", new Document("bsonType", "object"));
		assertThat(Json.of(ValidatorApplier.collModCommand("schema_book", validator, SchemaValidation.WARN,
				SchemaValidation.Level.MODERATE)))
			.isEqualTo(Json.parsed("""
					{collMod: "schema_book", validator: {$jsonSchema: {bsonType: "object"}},
					 validationLevel: "moderate", validationAction: "warn"}"""));
	}

	@Test
	void aChangedSchemaIsReportedPathByPath() {
		Document before = Document.parse("{$jsonSchema: {required: ['_id', 'isbn'], properties: {title: {bsonType:"
				+ " 'string', maxLength: 100}, old: {bsonType: 'int'}}}}");
		Document after = Document.parse("{$jsonSchema: {required: ['_id', 'title'], properties: {title: {bsonType:"
				+ " 'string', maxLength: 255}, rating: {bsonType: 'int'}}}}");
		assertThat(DocumentDiff.lines(before, after)).containsExactly("- $jsonSchema.required[]: 'isbn'",
				"+ $jsonSchema.required[]: 'title'", "~ $jsonSchema.properties.title.maxLength: 100 -> 255",
				"- $jsonSchema.properties.old: {\"bsonType\": \"int\"}",
				"+ $jsonSchema.properties.rating: {\"bsonType\": \"int\"}");
		assertThat(DocumentDiff.lines(after, Document.parse(after.toJson()))).isEmpty();
	}

	@Test
	void aShardedModelIsShardedByItsStoredKeyOnTheAdminDatabase() {
		Sharding sharding = new Sharding(new StoredPaths(this.registry));
		assertThat(Json.of(sharding.shardCollectionCommand(this.registry.metadata(Place.class), "shop")))
			.isEqualTo(Json.parsed("{shardCollection: 'shop.schema_place', key: {city: 1, _id: 1}}"));
		assertThat(Json.of(sharding.shardCollectionCommand(this.registry.metadata(Hashed.class), "shop")))
			.isEqualTo(Json.parsed("{shardCollection: 'shop.schema_hashed', key: {_id: 'hashed'}}"));
		assertThat(sharding.shardCollectionCommand(this.registry.metadata(Book.class), "shop")).isNull();
		assertThat(Sharding.enableShardingCommand("shop")).isEqualTo(new Document("enableSharding", "shop"));
	}

	@Test
	void documentsDriftingFromTheModelAreCountedPerFieldWithTheirIds() {
		Document schema = new JsonSchemaGenerator(this.registry).of(Book.class);
		DriftChecker checker = new DriftChecker();
		for (int i = 1; i <= 5; i++) {
			Document book = Document.parse("{isbn: '1234567890', active: true, rating: 3, address: {city: 'Bern'},"
					+ " _class: 'Book'}").append("_id", (long) i);
			if (i % 2 == 0) {
				book.remove("isbn");
				book.put("legacy", "x");
				book.put("rating", "three");
				book.put("branches", List.of(new Document("city", 7)));
			}
			checker.check(schema, book);
		}
		var report = checker.report("Book", "schema_book", "");
		assertThat(report.examined()).isEqualTo(5);
		assertThat(report.hasDrift()).isTrue();
		assertThat(report.fields()).filteredOn((f) -> f.field().equals("isbn")).singleElement().satisfies((f) -> {
			assertThat(f.kind()).hasToString("MISSING");
			assertThat(f.count()).isEqualTo(2);
			assertThat(f.ids()).containsExactly(2L, 4L);
			assertThat(f.drift()).as("isbn is required").isTrue();
		});
		assertThat(report.fields()).filteredOn((f) -> f.field().equals("title")).singleElement()
			.satisfies((f) -> assertThat(f.drift()).as("a nullable field Spring Data leaves out").isFalse());
		assertThat(report.fields()).filteredOn((f) -> f.field().equals("legacy")).singleElement()
			.satisfies((f) -> assertThat(f.kind()).hasToString("UNKNOWN"));
		assertThat(report.fields()).filteredOn((f) -> f.field().equals("rating")).singleElement()
			.satisfies((f) -> assertThat(f.detail()).isEqualTo("expected int, found string"));
		assertThat(report.fields()).filteredOn((f) -> f.field().equals("branches[].city")).singleElement()
			.satisfies((f) -> assertThat(f.detail()).isEqualTo("expected string, found int"));
		assertThat(report.fields()).noneMatch((f) -> f.field().equals("_class"));
	}

}
