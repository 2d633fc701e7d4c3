package io.djongo.spring.core.query.internal;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoServerException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * What a server that is not a real MongoDB (the embedded mongo-java-server) answers to a command it lacks, turned into
 * a clear "needs a real MongoDB" error instead of the driver's: a command it does not know ({@code explain}) or a
 * pipeline stage it does not know ({@code $unionWith}). djongo emits MongoDB's command either way.
 */
final class ServerGaps {

	/** MongoDB's {@code CommandNotFound}. */
	static final int COMMAND_NOT_FOUND = 59;

	/** MongoDB's "Unrecognized pipeline stage name". */
	static final int UNKNOWN_STAGE = 40324;

	private ServerGaps() {
	}

	/**
	 * The error to throw for a failure of a command: a clear one when the server lacks what the command needs,
	 * else the failure itself.
	 * @param what what needed it, e.g. "explain()" or "Article.union(...) of sliced QuerySets"
	 */
	static RuntimeException translate(RuntimeException failure, String what) {
		MongoServerException server = serverException(failure);
		if (server == null) {
			return failure;
		}
		if (server.getCode() == COMMAND_NOT_FOUND || server.getCode() == UNKNOWN_STAGE) {
			String answer = (server instanceof MongoCommandException command) ? command.getErrorMessage()
					: server.getMessage();
			return new InvalidDataAccessResourceUsageException(what + " needs a real MongoDB: the server answered '"
					+ answer + "' (the embedded server lacks it; MongoDB has it)", failure);
		}
		return failure;
	}

	private static @Nullable MongoServerException serverException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoServerException server) {
				return server;
			}
		}
		return null;
	}

}
