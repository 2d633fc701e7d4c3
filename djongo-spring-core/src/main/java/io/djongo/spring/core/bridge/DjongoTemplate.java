package io.djongo.spring.core.bridge;

import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.internal.DefaultQuerySet;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The application's {@link MongoTemplate}, extended with djongo's entry points: {@link #objects(Class) QuerySets}
 * and the mongo bridge ({@link #mongo(Class)}, {@link #command(Bson)}, {@link #toModel(Document, Class)}).
 * <p>
 * It is the one place that knows the collection of each model. The {@code mongo*} calls hand out the driver's raw
 * {@link MongoCollection}: what is written through it bypasses validation and id assignment, as djongo's
 * {@code DjongoManager} does.
 */
public class DjongoTemplate extends MongoTemplate {

	public DjongoTemplate(MongoDatabaseFactory databaseFactory, MongoConverter converter) {
		super(databaseFactory, converter);
	}

	/**
	 * The base QuerySet of a model: every document of its collection, lazily.
	 */
	public <T> QuerySet<T> objects(Class<T> model) {
		return DefaultQuerySet.of(this, model);
	}

	/**
	 * The raw collection behind a model. Writes through it are not validated.
	 */
	@BypassesValidation
	public MongoCollection<Document> mongo(Class<?> model) {
		return getCollection(getCollectionName(model));
	}

	/**
	 * A raw collection by name. Writes through it are not validated.
	 */
	@BypassesValidation
	public MongoCollection<Document> mongo(String collection) {
		return getCollection(collection);
	}

	/**
	 * Runs a database command against the djongo database and returns the server's reply.
	 */
	@BypassesValidation
	public Document command(Bson command) {
		return execute(db -> db.runCommand(command));
	}

	/**
	 * Maps a raw document to a model instance through the same converter and after-convert callbacks (enforce-schema
	 * among them) that QuerySets and repositories use.
	 */
	public <T> T toModel(Document document, Class<T> model) {
		return maybeCallAfterConvert(getConverter().read(model, document), document, getCollectionName(model));
	}

}
