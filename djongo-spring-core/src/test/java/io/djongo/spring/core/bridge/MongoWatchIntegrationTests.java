package io.djongo.spring.core.bridge;

import java.util.List;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.OperationType;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mongoWatch} against a server with change streams: a real MongoDB replica set, or an embedded server of its
 * own with the oplog enabled (the shared embedded server has none). What the embedded server reports wrongly is
 * tested on real MongoDB only.
 */
@SpringJUnitConfig
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class MongoWatchIntegrationTests {

	@Autowired
	TickerRepository tickers;

	@BeforeEach
	void emptyCollection() {
		if (!TestMongo.isEmbedded()) {
			// this class's embedded server has an oplog; a real standalone server has no change streams
			TestMongo.assumeReplicaSet("change streams");
		}
		this.tickers.mongoDeleteMany(new Document());
	}

	@Test
	void mongoWatchDeliversInsertsAndDeletesWithTheirDocuments() {
		try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> events = this.tickers.mongoWatch().cursor()) {
			ObjectId id = this.tickers.mongoInsertOne(new Document("symbol", "MDB"))
				.getInsertedId()
				.asObjectId()
				.getValue();
			this.tickers.mongoDeleteOne(Filters.eq("_id", id));

			ChangeStreamDocument<Document> insert = events.next();
			assertThat(insert.getOperationType()).isEqualTo(OperationType.INSERT);
			assertThat(insert.getFullDocument()).containsEntry("symbol", "MDB");
			assertThat(insert.getDocumentKey().getObjectId("_id").getValue()).isEqualTo(id);

			ChangeStreamDocument<Document> delete = events.next();
			assertThat(delete.getOperationType()).isEqualTo(OperationType.DELETE);
			assertThat(delete.getDocumentKey().getObjectId("_id").getValue()).isEqualTo(id);
		}
	}

	@Test
	void mongoWatchWithAPipelineDeliversOnlyMatchingEvents() {
		List<Document> onlyInserts = List.of(new Document("$match", new Document("operationType", "insert")));
		try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> events = this.tickers.mongoWatch(onlyInserts)
			.cursor()) {
			this.tickers.mongoInsertOne(new Document("symbol", "A"));
			this.tickers.mongoDeleteMany(Filters.eq("symbol", "A"));
			this.tickers.mongoInsertOne(new Document("symbol", "B"));

			assertThat(events.next().getFullDocument()).containsEntry("symbol", "A");
			ChangeStreamDocument<Document> second = events.next();
			assertThat(second.getOperationType()).isEqualTo(OperationType.INSERT);
			assertThat(second.getFullDocument()).containsEntry("symbol", "B");
		}
	}

	@Test
	void mongoWatchReportsUpdatesAndReplacesAsSuch() {
		TestMongo.assumeRealMongoDb("the embedded server reports an update without updateDescription, with its $set "
				+ "delta as fullDocument, and a replace as an update");
		this.tickers.mongoInsertOne(new Document("symbol", "X").append("price", 1));
		try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> events = this.tickers
			.mongoWatch(List.of(Aggregates.match(Filters.in("operationType", "update", "replace"))))
			.fullDocument(FullDocument.UPDATE_LOOKUP)
			.cursor()) {
			this.tickers.mongoUpdateOne(Filters.eq("symbol", "X"), Updates.set("price", 2));
			this.tickers.mongoReplaceOne(Filters.eq("symbol", "X"), new Document("symbol", "X").append("price", 3));

			ChangeStreamDocument<Document> update = events.next();
			assertThat(update.getOperationType()).isEqualTo(OperationType.UPDATE);
			assertThat(update.getUpdateDescription().getUpdatedFields()).containsKey("price");
			assertThat(update.getFullDocument()).containsEntry("symbol", "X");

			ChangeStreamDocument<Document> replace = events.next();
			assertThat(replace.getOperationType()).isEqualTo(OperationType.REPLACE);
			assertThat(replace.getFullDocument()).containsEntry("price", 3);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = TickerRepository.class))
	@Import(DjongoTestConfiguration.class)
	static class Config {

		/** Replaces the shared test database: change streams need a server with an oplog. */
		@Bean
		MongoDatabaseFactory mongoDatabaseFactory() {
			return new SimpleMongoClientDatabaseFactory(ChangeStreamServer.client(),
					TestMongo.uniqueDatabaseName("watch"));
		}

	}

	interface TickerRepository extends DjongoRepository<Ticker, ObjectId> {

	}

	@org.springframework.data.mongodb.core.mapping.Document("bridge_ticker")
	static class Ticker {

		@Id
		@Nullable ObjectId id;

		@Nullable String symbol;

	}

	/**
	 * The test server when it is a real MongoDB; otherwise an embedded server with the oplog enabled, started once.
	 */
	static final class ChangeStreamServer {

		private static @Nullable MongoClient client;

		static synchronized MongoClient client() {
			if (!TestMongo.isEmbedded()) {
				return TestClients.client();
			}
			MongoClient current = client;
			if (current == null) {
				MemoryBackend backend = new MemoryBackend();
				backend.enableOplog();
				MongoServer server = new MongoServer(backend);
				String uri = server.bindAndGetConnectionString();
				Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
				current = MongoClients.create(uri);
				client = current;
			}
			return current;
		}

	}

}
