package io.djongo.spring.core.bridge;

import com.mongodb.MongoSocketException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

/**
 * Spring Data's translation of driver exceptions, with a message that says what happened when the connection to the
 * server breaks: the driver's own ("Prematurely reached end of stream") names neither the server nor the cause.
 */
class DjongoExceptionTranslator extends MongoExceptionTranslator {

	/**
	 * A factory still on Spring Data's default exception translation gets djongo's; the template reads it from the
	 * factory.
	 */
	static MongoDatabaseFactory installedIn(MongoDatabaseFactory databaseFactory) {
		if (databaseFactory instanceof MongoDatabaseFactorySupport<?> support
				&& support.getExceptionTranslator().getClass() == MongoExceptionTranslator.class) {
			support.setExceptionTranslator(new DjongoExceptionTranslator());
		}
		return databaseFactory;
	}

	@Override
	public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
		if (ex instanceof MongoSocketException socket) {
			return new DataAccessResourceFailureException("Lost the connection to the MongoDB server at "
					+ socket.getServerAddress() + " (" + socket.getMessage() + "); the next call reconnects once the"
					+ " server is back, or fails after the client's server-selection timeout", ex);
		}
		return super.translateExceptionIfPossible(ex);
	}

}
