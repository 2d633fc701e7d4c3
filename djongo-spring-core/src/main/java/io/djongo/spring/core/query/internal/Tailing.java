package io.djongo.spring.core.query.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import io.djongo.spring.core.model.ModelMetadata;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code QuerySet.tail()}: a tailable, await-data cursor on a capped collection, as a stream that blocks for new
 * documents.
 * <ol>
 * <li>The plan is checked first: a tailable cursor is a {@code find} in natural (insertion) order, so an ordering, a
 * slice, distinct rows, combinations, anything that needs an aggregate (annotations, relations crossed,
 * {@code selectRelated}), {@code prefetchRelated} and a text search (which needs the text index; a tailable cursor
 * uses none) are refused with the model's name rather than answered wrongly.</li>
 * <li>One {@code listCollections} checks that the collection is capped: MongoDB refuses a tailable cursor elsewhere,
 * and the embedded server, which cannot create capped collections, would answer a plain find: there the error says it
 * needs a real MongoDB.</li>
 * <li>The {@link Command.Tail} find returns the documents already there, then each {@code getMore} waits up to
 * {@code maxAwait} for new ones ({@link TailResults}).</li>
 * </ol>
 */
final class Tailing {

	/** The server's wait per {@code getMore} when none is given, and the pause before asking a dead cursor again. */
	static final Duration SERVER_DEFAULT_AWAIT = Duration.ofSeconds(1);

	private final QueryEngine engine;

	Tailing(QueryEngine engine) {
		this.engine = engine;
	}

	/** The tailable find of a plan, or null when the plan is known to match nothing; refuses what cannot tail. */
	static Command.@Nullable Tail command(QueryPlan plan, @Nullable Duration maxAwait) {
		String what = plan.model().name() + ".tail()";
		if (maxAwait != null && (maxAwait.isNegative() || maxAwait.isZero() || maxAwait.toMillis() > Integer.MAX_VALUE)) {
			throw new InvalidDataAccessApiUsageException(what + ": maxAwait must be above 0 and fit in an int of"
					+ " milliseconds (was " + maxAwait + ")");
		}
		Combination combination = plan.combination();
		if (combination != null) {
			throw new InvalidDataAccessApiUsageException(combination.notSupported("tail"));
		}
		if (plan.isSliced()) {
			throw new InvalidDataAccessApiUsageException(what + ": a tailable cursor cannot skip or limit; read as many"
					+ " as you need from the stream (limit(n)) instead of slicing the QuerySet");
		}
		Sort sort = plan.effectiveSort();
		if (sort.random() || !sort.document().isEmpty() || !sort.computed().isEmpty()) {
			throw new InvalidDataAccessApiUsageException(what + ": a tailable cursor returns documents in insertion"
					+ " (natural) order and cannot sort them; remove the ordering"
					+ (plan.model().ordering().isEmpty() ? ""
							: " (orderBy() with no fields clears the model's default ordering "
									+ plan.model().ordering() + ")"));
		}
		if (plan.isDistinct() || !plan.isFind()) {
			throw new InvalidDataAccessApiUsageException(what + ": a tailable cursor is a find; annotations, aliases,"
					+ " relations crossed, selectRelated and distinct need an aggregate, which cannot tail: filter on"
					+ " the model's own fields");
		}
		if (plan.steps().searches().text()) {
			throw new InvalidDataAccessApiUsageException(what + ": a tailable cursor uses no index, and a text search"
					+ " ($text) needs the collection's text index; filter on the model's own fields");
		}
		if (!plan.related().prefetch().isEmpty()) {
			throw new InvalidDataAccessApiUsageException(what + ": prefetchRelated fetches relations once all the"
					+ " results are read, which a tail never is; read the related objects of each result instead");
		}
		Command.Read listing = plan.listing().command();
		if (listing == null) {
			return null;
		}
		Command.Find find = (Command.Find) listing;
		return new Command.Tail(find.collection(), find.filter(), find.projection(), maxAwait);
	}

	/** Opens the tail of a plan: the documents there, then the new ones, until closed or interrupted. */
	<R> Stream<R> stream(QueryPlan plan, @Nullable Duration maxAwait) {
		Command.Tail command = command(plan, maxAwait);
		if (command == null) {
			return Stream.empty();
		}
		ModelMetadata model = plan.model();
		String what = model.name() + ".tail()";
		requireCapped(model, command.collection(), what);
		PersistenceExceptionTranslator translator = (this.engine.operations() instanceof MongoTemplate template)
				? template.getExceptionTranslator() : (ex) -> null;
		TailResults<R> results = new TailResults<>(() -> open(model, command, what), plan.listing().mapper(),
				(maxAwait != null) ? maxAwait : SERVER_DEFAULT_AWAIT, (ex) -> {
					DataAccessException translated = translator.translateExceptionIfPossible(ex);
					return ServerErrors.translate((translated != null) ? translated : ex, what, false);
				});
		return results.stream();
	}

	private MongoCursor<Document> open(ModelMetadata model, Command.Tail command, String what) {
		this.engine.log(model, command);
		return Objects.requireNonNull(this.engine.operations().execute(command.collection(),
				(MongoCollection<Document> collection) -> command.read(this.engine.preferred(collection)).cursor()),
				"a find opens a cursor");
	}

	/**
	 * Fails unless the collection is capped: MongoDB refuses a tailable cursor on another collection, and the
	 * embedded server would silently answer a plain find.
	 */
	private void requireCapped(ModelMetadata model, String collection, String what) {
		Document found;
		try {
			found = this.engine.operations().execute((database) -> database.listCollections()
				.filter(new Document("name", collection))
				.first());
		}
		catch (RuntimeException ex) {
			throw ServerErrors.translate(ex, what, false);
		}
		Document options = (found != null) ? found.get("options", Document.class) : null;
		if (options != null && Boolean.TRUE.equals(options.get("capped"))) {
			return;
		}
		if (isEmbedded()) {
			throw ServerErrors.needsRealMongoDb(what, "tailable cursors need a capped collection, which the embedded"
					+ " server cannot create (it would answer a plain find that never waits)");
		}
		String declare = (model.capped() != null)
				? "the model declares it capped (@Model(capped = true))"
				: "declare the model @Model(capped = true, maxSize = ...)";
		if (found == null) {
			throw new InvalidDataAccessApiUsageException(what + ": the collection '" + collection + "' of "
					+ model.name() + " does not exist; a tailable cursor needs a capped collection: " + declare
					+ ", and djongo creates it at start-up (djongo.indexes: create) or with --djongo.migrate");
		}
		throw new InvalidDataAccessApiUsageException(what + ": the collection '" + collection + "' of " + model.name()
				+ " is not capped; a tailable cursor needs a capped collection: " + declare + ", and convert or"
				+ " recreate the collection (djongo never converts an existing one)");
	}

	/** The embedded server's {@code buildInfo} has no {@code gitVersion}, which every MongoDB build reports. */
	private boolean isEmbedded() {
		Document info = this.engine.operations().executeCommand(new Document("buildInfo", 1));
		return !info.containsKey("gitVersion");
	}

}
