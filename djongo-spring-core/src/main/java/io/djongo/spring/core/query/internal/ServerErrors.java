package io.djongo.spring.core.query.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.MongoServerException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * Turns the server's refusals of what djongo sent into clear errors: an operator, stage or command the server does not
 * know (the embedded server lacks several that MongoDB has) becomes "needs a real MongoDB: $trim is not supported by
 * this server", and a subquery finding several documents becomes PostgreSQL's "more than one row returned by a subquery
 * used as an expression". Anything else is rethrown as it is.
 */
final class ServerErrors {

	/** MongoDB's (and the embedded server's) messages naming an unknown operator or stage. */
	private static final Pattern UNKNOWN = Pattern.compile(
			"(?:Unrecognized expression|unknown group operator|Unrecognized pipeline stage name:?|"
					+ "Unknown expression|unknown operator:?)\\s*'?(\\$[A-Za-z]+)");

	/** The embedded server's answer to the geo operators it lacks ({@code $geoWithin is not yet implemented}). */
	private static final Pattern NOT_IMPLEMENTED = Pattern.compile("(\\$[A-Za-z]+) is not yet implemented");

	/** MongoDB's refusals of a geo query without a geo index on the field (by version). */
	private static final Pattern NO_GEO_INDEX = Pattern.compile("unable to find index for \\$geoNear|"
			+ "requires a 2d or 2dsphere index|no geo ind(?:ices|ex)|for specified keyPattern");

	/** MongoDB's refusal of {@code $text} without a text index. */
	private static final String NO_TEXT_INDEX = "text index required for $text query";

	/** The MongoDB version that brought each operator djongo may send and the embedded server lacks. */
	private static final Map<String, String> SINCE = Map.of("$trim", "4.0", "$ltrim", "4.0", "$rtrim", "4.0",
			"$toDecimal", "4.0", "$stdDevPop", "3.2", "$stdDevSamp", "3.2", "$regexMatch", "4.2", "$dateTrunc", "5.0",
			"$unionWith", "4.4");

	/** MongoDB's {@code CommandNotFound}: a command the server does not know ({@code explain} on the embedded one). */
	private static final int COMMAND_NOT_FOUND = 59;

	private ServerErrors() {
	}

	/**
	 * The error to throw for a failed read: a geo or text query refused for want of an index names the annotation
	 * that declares it, which djongo reconciles at start; anything else as {@link #translate(RuntimeException,
	 * String, boolean)}.
	 */
	static RuntimeException translate(RuntimeException failure, String model, Command.Read command) {
		MongoServerException server = serverCause(failure);
		String message = (server != null) ? String.valueOf(server.getMessage()) : "";
		if (NO_GEO_INDEX.matcher(message).find()) {
			String key = geoKey(command);
			return new InvalidDataAccessResourceUsageException(model + ": near and GeoDistance need a 2dsphere index on '"
					+ ((key != null) ? key : "the point field") + "': add @GeoSpatialIndexed(type = "
					+ "GeoSpatialIndexType.GEO_2DSPHERE) to the field (djongo creates the declared indexes at start);"
					+ " the server said: " + message, failure);
		}
		if (message.contains(NO_TEXT_INDEX)) {
			return new InvalidDataAccessResourceUsageException(model + ": a text search needs a text index: add "
					+ "@TextIndexed to the fields to search (djongo creates the declared indexes at start); the server"
					+ " said: " + message, failure);
		}
		return translate(failure, model, false);
	}

	private static @Nullable String geoKey(Command.Read command) {
		if (command instanceof Command.Pipeline pipeline && !pipeline.pipeline().isEmpty()
				&& pipeline.pipeline().get(0) instanceof org.bson.Document first
				&& first.get("$geoNear") instanceof org.bson.Document near && near.get("key") instanceof String key) {
			return key;
		}
		return null;
	}

	/**
	 * The error for what the embedded server cannot do, found before anything is sent (where sending would give a
	 * wrong answer rather than a refusal): "needs a real MongoDB: ...".
	 * @param what what was asked, such as {@code Event.tail()}
	 * @param gap what the embedded server lacks
	 */
	static RuntimeException needsRealMongoDb(String what, String gap) {
		return new InvalidDataAccessResourceUsageException(what + ": needs a real MongoDB: " + gap
				+ " (the embedded mongo-java-server lacks it; MongoDB has it)");
	}

	/**
	 * The error to throw for a failed command.
	 * @param model what was asked, for the message: the model queried, or a call such as {@code Post.explain()}
	 * @param pipelineUpdate whether the command was an update with a pipeline (which the embedded server cannot
	 * read)
	 */
	static RuntimeException translate(RuntimeException failure, String model, boolean pipelineUpdate) {
		MongoServerException server = serverCause(failure);
		if (server == null) {
			return failure;
		}
		String message = String.valueOf(server.getMessage());
		if (message.contains(Subqueries.MORE_THAN_ONE_ROW)) {
			return new IncorrectResultSizeDataAccessException(model + ": " + Subqueries.MORE_THAN_ONE_ROW
					+ "; slice the subquery's QuerySet (slice(0, 1)) or filter it down to one result", 1);
		}
		Matcher unknown = UNKNOWN.matcher(message);
		Matcher unimplemented = NOT_IMPLEMENTED.matcher(message);
		boolean missing = unknown.find();
		if (missing || unimplemented.find()) {
			String named = missing ? unknown.group(1) : unimplemented.group(1);
			// the embedded server reads {$text: {$search: ...}} as an unknown operator $search
			String operator = "$search".equals(named) ? "$text" : named;
			String since = SINCE.get(operator);
			return new InvalidDataAccessResourceUsageException(model + ": needs a real MongoDB: " + operator
					+ " is not supported by this server (the embedded mongo-java-server lacks it"
					+ ((since != null) ? "; MongoDB has it since " + since : "") + ")", failure);
		}
		if (server.getCode() == COMMAND_NOT_FOUND) {
			return new InvalidDataAccessResourceUsageException(model + ": needs a real MongoDB: the server answered '"
					+ message + "' (the embedded mongo-java-server lacks the command; MongoDB has it)", failure);
		}
		if (pipelineUpdate && message.contains("cannot be cast")) {
			return new InvalidDataAccessResourceUsageException(model + ": needs a real MongoDB: an update with an "
					+ "aggregation pipeline (an expression computed from the document) is not supported by this server "
					+ "(the embedded mongo-java-server lacks it; MongoDB has it since 4.2)", failure);
		}
		return failure;
	}

	private static @Nullable MongoServerException serverCause(Throwable failure) {
		Throwable current = failure;
		while (current != null) {
			if (current instanceof MongoServerException server) {
				return server;
			}
			current = (current.getCause() == current) ? null : current.getCause();
		}
		return null;
	}

}
