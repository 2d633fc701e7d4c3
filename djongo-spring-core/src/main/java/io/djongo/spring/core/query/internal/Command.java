package io.djongo.spring.core.query.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.CursorType;
import com.mongodb.client.AggregateIterable;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * One command a QuerySet sends, held as the very values the driver call is made of: {@link #document()} renders
 * MongoDB's command document from them ({@code QuerySet.command()}, the {@code djongo.query} log) and the same
 * values make the call, so that what is shown is what is sent. The rendering leaves out only what the driver adds
 * to every command ({@code $db}, {@code lsid}, {@code cursor}, {@code ordered}...).
 */
sealed interface Command permits Command.Read, Command.Tail, Command.Update, Command.Delete {

	/** The collection the command acts on. */
	String collection();

	/** MongoDB's command document, as the driver sends it. */
	Document document();

	/** A number as the driver sends it: an int when it fits. */
	static Object number(long value) {
		return (value == (int) value) ? (Object) (int) value : (Object) value;
	}

	/** A command whose answer is documents: a {@code find} or an {@code aggregate}. */
	sealed interface Read extends Command permits Find, Pipeline {

		/** The driver call sending this command; iterating it sends it. */
		<T> MongoIterable<T> read(MongoCollection<T> collection);

	}

	/**
	 * A {@code find}.
	 * @param sort the sort, or null for none
	 * @param skip documents skipped
	 * @param limit the maximum number of documents, or null for all
	 * @param projection the projection, or null for whole documents
	 */
	record Find(String collection, Bson filter, @Nullable Bson sort, long skip, @Nullable Long limit,
			@Nullable Bson projection) implements Read {

		@Override
		public Document document() {
			Document find = new Document("find", this.collection).append("filter", this.filter);
			// in the driver's order
			if (this.sort != null) {
				find.append("sort", this.sort);
			}
			if (this.projection != null) {
				find.append("projection", this.projection);
			}
			if (this.skip > 0) {
				find.append("skip", Math.toIntExact(this.skip));
			}
			if (this.limit != null) {
				find.append("limit", Math.toIntExact(this.limit));
			}
			return find;
		}

		@Override
		public <T> FindIterable<T> read(MongoCollection<T> collection) {
			FindIterable<T> find = collection.find(this.filter);
			if (this.sort != null) {
				find.sort(this.sort);
			}
			if (this.skip > 0) {
				find.skip(Math.toIntExact(this.skip));
			}
			if (this.limit != null) {
				find.limit(Math.toIntExact(this.limit));
			}
			if (this.projection != null) {
				find.projection(this.projection);
			}
			return find;
		}

	}

	/** An {@code aggregate}. */
	record Pipeline(String collection, List<Bson> pipeline) implements Read {

		@Override
		public Document document() {
			return new Document("aggregate", this.collection).append("pipeline", this.pipeline);
		}

		@Override
		public <T> AggregateIterable<T> read(MongoCollection<T> collection) {
			return collection.aggregate(this.pipeline);
		}

	}

	/**
	 * A {@code find} opening a tailable, await-data cursor on a capped collection ({@code QuerySet.tail()}): no sort
	 * (natural order), no skip or limit. Its {@code getMore}s wait up to {@code maxAwait} for new documents (their
	 * {@code maxTimeMS}; the server's default, one second, when null); the find itself carries no time limit.
	 * @param projection the projection, or null for whole documents
	 * @param maxAwait how long each {@code getMore} waits, or null for the server's default
	 */
	record Tail(String collection, Bson filter, @Nullable Bson projection, @Nullable Duration maxAwait)
			implements Command {

		@Override
		public Document document() {
			// in the driver's order
			Document find = new Document("find", this.collection).append("filter", this.filter);
			if (this.projection != null) {
				find.append("projection", this.projection);
			}
			return find.append("tailable", true).append("awaitData", true);
		}

		/** The driver call sending this command; its cursor sends it. */
		FindIterable<Document> read(MongoCollection<Document> collection) {
			FindIterable<Document> find = collection.find(this.filter).cursorType(CursorType.TailableAwait);
			if (this.projection != null) {
				find.projection(this.projection);
			}
			if (this.maxAwait != null) {
				find.maxAwaitTime(this.maxAwait.toMillis(), TimeUnit.MILLISECONDS);
			}
			return find;
		}

	}

	/**
	 * An {@code update} of every matching document.
	 * @param update an update document, or a pipeline (a list of stages)
	 */
	record Update(String collection, Bson filter, Object update) implements Command {

		@Override
		public Document document() {
			return new Document("update", this.collection).append("updates",
					List.of(new Document("q", this.filter).append("u", this.update).append("multi", true)));
		}

		@SuppressWarnings("unchecked")
		UpdateResult run(MongoCollection<Document> collection) {
			return (this.update instanceof List<?> pipeline) ? collection.updateMany(this.filter, (List<Bson>) pipeline)
					: collection.updateMany(this.filter, (Bson) this.update);
		}

	}

	/**
	 * A {@code delete} of every matching document, as the deleter sends it when no relation points at the model;
	 * otherwise the deleter applies the relations' {@code on_delete} rules with commands of its own.
	 */
	record Delete(String collection, Bson filter) implements Command {

		@Override
		public Document document() {
			return new Document("delete", this.collection)
				.append("deletes", List.of(new Document("q", this.filter).append("limit", 0)));
		}

	}

}
