package io.djongo.spring.core.query.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.djongo.spring.core.gridfs.StoredFileConverters;
import io.djongo.spring.core.model.DjongoConversions;
import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.Event;
import io.djongo.spring.core.query.Place;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.relation.Author;
import io.djongo.spring.core.relation.Group;
import io.djongo.spring.core.relation.Membership;
import io.djongo.spring.core.relation.Person;
import io.djongo.spring.core.relation.Post;
import io.djongo.spring.core.relation.Tag;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;

/**
 * A query engine that compiles without a server: Spring Data's {@link MongoTemplate} (no djongo template) over a
 * client pointed at a port nothing listens on. Compiling never sends a command; a unit test that made the engine
 * send one would fail on the server selection timeout.
 */
final class OfflineEngine {

	private static final MongoClient offline = MongoClients
		.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=50&connectTimeoutMS=50");

	private static final CodecRegistry codecs = MongoClientSettings.getDefaultCodecRegistry();

	private OfflineEngine() {
	}

	/** An engine computing dates in UTC, knowing the query and relation test models. */
	static QueryEngine create() {
		return create(ZoneOffset.UTC);
	}

	static QueryEngine create(ZoneId zone) {
		MappingMongoConverter converter = converter();
		MongoTemplate operations = new MongoTemplate(new SimpleMongoClientDatabaseFactory(offline, "unit"), converter);
		return new QueryEngine(operations, new ModelRegistry(converter.getMappingContext()), zone, false,
				OfflineEngine::neverRead, (model) -> null,
				(model, values) -> {
				}, (model, filter) -> {
					throw new AssertionError("a unit test deletes nothing");
				});
	}

	/** The models' metadata, as djongo maps them, the query and relation test models known. */
	static ModelRegistry models() {
		return new ModelRegistry(converter().getMappingContext());
	}

	private static MappingMongoConverter converter() {
		MongoCustomConversions conversions = DjongoConversions.create(StoredFileConverters.converters());
		DjongoMappingContext context = new DjongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		for (Class<?> model : List.of(Article.class, Event.class, Place.class, Author.class, Post.class, Tag.class,
				Person.class, Group.class,
				Membership.class)) {
			context.getRequiredPersistentEntity(model);
		}
		return converter;
	}

	private static <T> T neverRead(Document document, Class<T> model) {
		throw new AssertionError("a unit test reads no document");
	}

	/** The compiled plan of a QuerySet. */
	static QueryPlan plan(QuerySet<?> qs) {
		return ((DefaultQuerySet<?>) qs).plan();
	}

	/** A filter, stage or command as BSON, to compare with what the driver's builders make. */
	static BsonDocument bson(Bson value) {
		return value.toBsonDocument(BsonDocument.class, codecs);
	}

	/** A list of stages as BSON. */
	static List<BsonDocument> bson(List<? extends Bson> stages) {
		return stages.stream().map(OfflineEngine::bson).toList();
	}

	/** A value of a document as BSON. */
	static BsonValue value(Document document, String key) {
		return bson(new Document("v", document.get(key))).get("v");
	}

}
