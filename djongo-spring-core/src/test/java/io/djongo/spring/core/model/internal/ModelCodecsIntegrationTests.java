package io.djongo.spring.core.model.internal;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.djongo.spring.core.model.internal.CodecFixtures.Plain;
import io.djongo.spring.core.model.internal.CodecFixtures.WithMap;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec as the driver uses it: an insert of converted models stores what an insert of the converter's documents
 * stores, and a find decodes a reply, batch after batch, into the models the converter reads from its documents.
 */
class ModelCodecsIntegrationTests {

	static final MappingMongoConverter converter = CodecFixtures.converter();

	final MongoDatabase database = TestClients.client().getDatabase(TestMongo.uniqueDatabaseName("codec"));

	final ModelCodecs codecs = new ModelCodecs(converter, this.database.getCodecRegistry(), RequiredFields.NONE);

	@Test
	void insertsConvertedModelsAsTheConvertersDocumentsWithTheDocumentsOfOtherModels() {
		List<Object> models = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			Plain plain = Plain.full();
			plain.id = (long) i;
			plain.title = (i % 3 == 0) ? null : "post " + i;
			models.add(plain);
		}
		WithMap map = new WithMap();
		map.id = 1_000L;
		map.map = new java.util.LinkedHashMap<>(java.util.Map.of("k", 1));
		models.add(map);

		List<Object> inserted = new ArrayList<>();
		List<Document> documents = new ArrayList<>();
		for (Object model : models) {
			Document document = new Document();
			converter.write(model, document);
			documents.add(document);
			Object converted = this.codecs.convert(model);
			inserted.add((converted != null) ? converted : document);
		}
		assertThat(inserted).filteredOn(Document.class::isInstance).hasSize(1);
		CodecRegistry registry = CodecRegistries.fromRegistries(
				CodecRegistries.fromCodecs(this.codecs.insertCodec()), this.database.getCodecRegistry());
		this.database.getCollection("converted").withDocumentClass(Object.class).withCodecRegistry(registry)
			.insertMany(inserted);
		this.database.getCollection("documents").insertMany(documents);

		assertThat(stored("converted")).isEqualTo(stored("documents")).hasSize(31);
	}

	@Test
	void readsEveryBatchOfAReplyIntoModelsOrTheDocumentsTheConverterMustRead() {
		List<Document> documents = new ArrayList<>();
		for (int i = 1; i <= 120; i++) {
			Plain plain = Plain.full();
			plain.id = (long) i;
			plain.title = "post " + i;
			Document document = new Document();
			converter.write(plain, document);
			if (i % 25 == 0) {
				// a value the plan cannot read: this document goes to the converter
				document.put("title", new Document("nested", i));
			}
			documents.add(document);
		}
		this.database.getCollection("plain").insertMany(documents);
		CodecRegistry registry = CodecRegistries.fromRegistries(
				CodecRegistries.fromCodecs(this.codecs.decoder(Plain.class)), this.database.getCodecRegistry());
		MongoCollection<Object> models = this.database.getCollection("plain").withDocumentClass(Object.class)
			.withCodecRegistry(registry);

		TestClients.recorder().clear();
		List<Object> read = models.find().sort(Sorts.ascending("_id")).batchSize(40).into(new ArrayList<>());
		List<String> sent = TestClients.recorder().names();

		assertThat(sent).filteredOn("find"::equals).hasSize(1);
		assertThat(sent).filteredOn("getMore"::equals).isNotEmpty();
		assertThat(read).hasSize(120);
		List<Document> stored = this.database.getCollection("plain").find().sort(Sorts.ascending("_id"))
			.into(new ArrayList<>());
		for (int i = 0; i < read.size(); i++) {
			if ((i + 1) % 25 == 0) {
				assertThat(read.get(i)).isEqualTo(stored.get(i));
				continue;
			}
			assertThat(read.get(i)).isInstanceOf(Plain.class)
				.usingRecursiveComparison()
				.withStrictTypeChecking()
				.isEqualTo(converter.read(Plain.class, stored.get(i)));
		}
	}

	private List<BsonDocument> stored(String collection) {
		return this.database.getCollection(collection, BsonDocument.class)
			.find()
			.sort(Sorts.ascending("_id"))
			.into(new ArrayList<>());
	}

}
