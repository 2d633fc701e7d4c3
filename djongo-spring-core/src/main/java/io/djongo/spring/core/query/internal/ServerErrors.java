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

	/** The MongoDB version that brought each operator djongo may send and the embedded server lacks. */
	private static final Map<String, String> SINCE = Map.of("$trim", "4.0", "$ltrim", "4.0", "$rtrim", "4.0",
			"$toDecimal", "4.0", "$stdDevPop", "3.2", "$stdDevSamp", "3.2", "$regexMatch", "4.2", "$dateTrunc", "5.0",
			"$unionWith", "4.4");

	/** MongoDB's {@code CommandNotFound}: a command the server does not know ({@code explain} on the embedded one). */
	private static final int COMMAND_NOT_FOUND = 59;

	private ServerErrors() {
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
		if (unknown.find()) {
			String operator = unknown.group(1);
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
