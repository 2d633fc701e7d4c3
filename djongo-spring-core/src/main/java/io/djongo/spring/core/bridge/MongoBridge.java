package io.djongo.spring.core.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.AggregateIterable;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.DistinctIterable;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.InsertManyResult;
import com.mongodb.client.result.InsertOneResult;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * djongo's {@code DjongoManager} calls: the raw collection of one model and the {@code mongo*} calls that delegate to
 * it, for what the ORM does not express.
 * <p>
 * Every call is the driver's {@link MongoCollection} method of the same name and returns what the driver returns,
 * except that a single document that may be missing is an {@link Optional}. Overloads that take a model class map
 * each result document through {@link #toModel(Document, Class)}: the converter, after-convert callbacks and
 * enforce-schema that QuerySets use. They read the whole result into a list; iterate the raw call to stream.
 * <p>
 * <strong>Raw calls bypass the model layer.</strong> Writes are not validated, get no auto-increment id and run no
 * entity callbacks; errors are the driver's {@link com.mongodb.MongoException}s, not translated to Spring's
 * {@code DataAccessException}s. Such calls are marked {@link BypassesValidation @BypassesValidation}.
 * <p>
 * Only {@link #mongo()} and {@link #toModel(Document, Class)} are abstract; every other method is a {@code default}
 * method delegating to them.
 */
public interface MongoBridge {

	/**
	 * The model's collection, raw: documents in, documents out.
	 * @return the driver's collection of the model
	 */
	@BypassesValidation
	MongoCollection<Document> mongo();

	/**
	 * Maps a raw document to an instance of a model (or any mapped type), as QuerySets do.
	 * @param document a document as read from MongoDB
	 * @param type the model class
	 * @param <R> the model type
	 * @return the model instance
	 */
	<R> R toModel(Document document, Class<R> type);

	/**
	 * Every document of the collection ({@code find()}), lazily.
	 * @return the driver's iterable; chain {@code sort}, {@code limit}, {@code projection} before iterating
	 */
	default FindIterable<Document> mongoFind() {
		return mongo().find();
	}

	/**
	 * The documents matching a filter, lazily.
	 * @param filter a query filter, e.g. {@code Filters.eq("headline", value)}
	 * @return the driver's iterable
	 */
	default FindIterable<Document> mongoFind(Bson filter) {
		return mongo().find(filter);
	}

	/**
	 * The documents matching a filter, each mapped to the model.
	 * @param filter a query filter
	 * @param type the model class
	 * @param <R> the model type
	 * @return every match, in server order
	 */
	default <R> List<R> mongoFind(Bson filter, Class<R> type) {
		return mapAll(mongo().find(filter), type);
	}

	/**
	 * The first document matching a filter.
	 * @param filter a query filter
	 * @return the document, or empty when nothing matches
	 */
	default Optional<Document> mongoFindOne(Bson filter) {
		return Optional.ofNullable(mongo().find(filter).first());
	}

	/**
	 * The first document matching a filter, mapped to the model.
	 * @param filter a query filter
	 * @param type the model class
	 * @param <R> the model type
	 * @return the model instance, or empty when nothing matches
	 */
	default <R> Optional<R> mongoFindOne(Bson filter, Class<R> type) {
		return mongoFindOne(filter).map((document) -> toModel(document, type));
	}

	/**
	 * Inserts one document as given: not validated, no auto-increment id (the driver adds an ObjectId {@code _id}
	 * when the document has none).
	 * @param document the document to insert
	 * @return the driver's result, with the inserted id
	 */
	@BypassesValidation
	default InsertOneResult mongoInsertOne(Document document) {
		return mongo().insertOne(document);
	}

	/**
	 * Inserts documents as given, in order: not validated, no auto-increment ids.
	 * @param documents the documents to insert
	 * @return the driver's result, with the inserted ids by position
	 */
	@BypassesValidation
	default InsertManyResult mongoInsertMany(List<? extends Document> documents) {
		return mongo().insertMany(documents);
	}

	/**
	 * Applies an update (e.g. {@code Updates.set(..)}) to the first matching document, unvalidated.
	 * @param filter a query filter
	 * @param update the update operators
	 * @return the driver's result
	 */
	@BypassesValidation
	default UpdateResult mongoUpdateOne(Bson filter, Bson update) {
		return mongoUpdateOne(filter, update, new UpdateOptions());
	}

	/**
	 * Applies an update to the first matching document, with options such as {@code upsert}, unvalidated.
	 * @param filter a query filter
	 * @param update the update operators
	 * @param options the driver's update options
	 * @return the driver's result
	 */
	@BypassesValidation
	default UpdateResult mongoUpdateOne(Bson filter, Bson update, UpdateOptions options) {
		return mongo().updateOne(filter, update, options);
	}

	/**
	 * Applies an update to every matching document, unvalidated.
	 * @param filter a query filter
	 * @param update the update operators
	 * @return the driver's result
	 */
	@BypassesValidation
	default UpdateResult mongoUpdateMany(Bson filter, Bson update) {
		return mongoUpdateMany(filter, update, new UpdateOptions());
	}

	/**
	 * Applies an update to every matching document, with options, unvalidated.
	 * @param filter a query filter
	 * @param update the update operators
	 * @param options the driver's update options
	 * @return the driver's result
	 */
	@BypassesValidation
	default UpdateResult mongoUpdateMany(Bson filter, Bson update, UpdateOptions options) {
		return mongo().updateMany(filter, update, options);
	}

	/**
	 * Replaces the first matching document with another, unvalidated.
	 * @param filter a query filter
	 * @param replacement the new document (without update operators)
	 * @return the driver's result
	 */
	@BypassesValidation
	default UpdateResult mongoReplaceOne(Bson filter, Document replacement) {
		return mongoReplaceOne(filter, replacement, new ReplaceOptions());
	}

	/**
	 * Replaces the first matching document with another, with options such as {@code upsert}, unvalidated.
	 * @param filter a query filter
	 * @param replacement the new document
	 * @param options the driver's replace options
	 * @return the driver's result
	 */
	@BypassesValidation
	default UpdateResult mongoReplaceOne(Bson filter, Document replacement, ReplaceOptions options) {
		return mongo().replaceOne(filter, replacement, options);
	}

	/**
	 * Deletes the first matching document. No delete callbacks or relation cascades run.
	 * @param filter a query filter
	 * @return the driver's result
	 */
	@BypassesValidation
	default DeleteResult mongoDeleteOne(Bson filter) {
		return mongo().deleteOne(filter);
	}

	/**
	 * Deletes every matching document. No delete callbacks or relation cascades run.
	 * @param filter a query filter; {@code new Document()} deletes everything
	 * @return the driver's result
	 */
	@BypassesValidation
	default DeleteResult mongoDeleteMany(Bson filter) {
		return mongo().deleteMany(filter);
	}

	/**
	 * Counts every document of the collection, exactly (an aggregation, not collection metadata).
	 * @return the number of documents
	 */
	default long mongoCountDocuments() {
		return mongo().countDocuments();
	}

	/**
	 * Counts the documents matching a filter.
	 * @param filter a query filter
	 * @return the number of matches
	 */
	default long mongoCountDocuments(Bson filter) {
		return mongo().countDocuments(filter);
	}

	/**
	 * The distinct values of a field across the collection.
	 * @param field the field name as stored (e.g. {@code _id}, not {@code id})
	 * @param valueType the Java type of the values
	 * @param <V> the value type
	 * @return the driver's iterable of values
	 */
	default <V> DistinctIterable<V> mongoDistinct(String field, Class<V> valueType) {
		return mongo().distinct(field, valueType);
	}

	/**
	 * The distinct values of a field among the documents matching a filter.
	 * @param field the field name as stored
	 * @param filter a query filter
	 * @param valueType the Java type of the values
	 * @param <V> the value type
	 * @return the driver's iterable of values
	 */
	default <V> DistinctIterable<V> mongoDistinct(String field, Bson filter, Class<V> valueType) {
		return mongo().distinct(field, filter, valueType);
	}

	/**
	 * Runs an aggregation pipeline, lazily. A pipeline ending in {@code $out} or {@code $merge} writes unvalidated.
	 * @param pipeline the stages, e.g. {@code List.of(Aggregates.match(Filters.eq("headline", value)))}
	 * @return the driver's iterable of result documents
	 */
	default AggregateIterable<Document> mongoAggregate(List<? extends Bson> pipeline) {
		return mongo().aggregate(pipeline);
	}

	/**
	 * Runs an aggregation pipeline and maps each result document to a model.
	 * @param pipeline the stages
	 * @param type the model class the results have the shape of
	 * @param <R> the model type
	 * @return every result, in pipeline order
	 */
	default <R> List<R> mongoAggregate(List<? extends Bson> pipeline, Class<R> type) {
		return mapAll(mongo().aggregate(pipeline), type);
	}

	/**
	 * Sends inserts, updates, replaces and deletes in one ordered bulk write, unvalidated.
	 * @param requests the writes, e.g. {@code new InsertOneModel<>(document)}
	 * @return the driver's result
	 */
	@BypassesValidation
	default BulkWriteResult mongoBulkWrite(List<? extends WriteModel<? extends Document>> requests) {
		return mongoBulkWrite(requests, new BulkWriteOptions());
	}

	/**
	 * Sends writes in one bulk write, with options such as {@code ordered(false)}, unvalidated.
	 * @param requests the writes
	 * @param options the driver's bulk write options
	 * @return the driver's result
	 */
	@BypassesValidation
	default BulkWriteResult mongoBulkWrite(List<? extends WriteModel<? extends Document>> requests,
			BulkWriteOptions options) {
		return mongo().bulkWrite(requests, options);
	}

	/**
	 * Updates the first matching document atomically and returns it as it was before the update.
	 * @param filter a query filter
	 * @param update the update operators
	 * @return the document before the update, or empty when nothing matched
	 */
	@BypassesValidation
	default Optional<Document> mongoFindOneAndUpdate(Bson filter, Bson update) {
		return mongoFindOneAndUpdate(filter, update, new FindOneAndUpdateOptions());
	}

	/**
	 * Updates the first matching document atomically, with options such as
	 * {@code returnDocument(ReturnDocument.AFTER)} or {@code upsert(true)}.
	 * @param filter a query filter
	 * @param update the update operators
	 * @param options the driver's options
	 * @return the document the options ask for, or empty when nothing matched
	 */
	@BypassesValidation
	default Optional<Document> mongoFindOneAndUpdate(Bson filter, Bson update, FindOneAndUpdateOptions options) {
		return Optional.ofNullable(mongo().findOneAndUpdate(filter, update, options));
	}

	/**
	 * Updates the first matching document atomically and maps the returned document to a model.
	 * @param filter a query filter
	 * @param update the update operators
	 * @param options the driver's options
	 * @param type the model class
	 * @param <R> the model type
	 * @return the model instance, or empty when nothing matched
	 */
	@BypassesValidation
	default <R> Optional<R> mongoFindOneAndUpdate(Bson filter, Bson update, FindOneAndUpdateOptions options,
			Class<R> type) {
		return mongoFindOneAndUpdate(filter, update, options).map((document) -> toModel(document, type));
	}

	/**
	 * Creates an index (a no-op when the same index exists).
	 * @param keys the index keys, e.g. {@code Indexes.ascending("headline")}
	 * @return the index name
	 */
	default String mongoCreateIndex(Bson keys) {
		return mongo().createIndex(keys);
	}

	/**
	 * Creates an index with options such as {@code unique(true)} or {@code expireAfter(..)}.
	 * @param keys the index keys
	 * @param options the driver's index options
	 * @return the index name
	 */
	default String mongoCreateIndex(Bson keys, IndexOptions options) {
		return mongo().createIndex(keys, options);
	}

	/**
	 * Opens a change stream on the collection (needs a replica set or sharded cluster). Nothing is sent until the
	 * iterable is iterated; close its cursor when done.
	 * @return the driver's change stream iterable
	 */
	default ChangeStreamIterable<Document> mongoWatch() {
		return mongo().watch();
	}

	/**
	 * Opens a change stream filtered by a pipeline, e.g.
	 * {@code List.of(Aggregates.match(Filters.in("operationType", "insert", "delete")))}.
	 * @param pipeline the stages applied to change events
	 * @return the driver's change stream iterable
	 */
	default ChangeStreamIterable<Document> mongoWatch(List<? extends Bson> pipeline) {
		return mongo().watch(pipeline);
	}

	private <R> List<R> mapAll(Iterable<Document> documents, Class<R> type) {
		List<R> models = new ArrayList<>();
		for (Document document : documents) {
			models.add(toModel(document, type));
		}
		return models;
	}

}
