package io.djongo.spring.autoconfigure.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The embedded server's (mongo-java-server's) log levels by default: quiet in normal operation, its errors still
 * shown. It logs each client connection opened and closed at INFO (a pooled client opens several), each non-unique
 * index it stores but does not use at WARN ("adding secondary index ... is not yet implemented"), and the clients it
 * closes at every shutdown at WARN; djongo logs the server's address once instead, and its documentation says which
 * indexes the server uses.
 * <p>
 * A default applies only where the application configures no level for that logger or one of its ancestors below the
 * root: {@code logging.level.de.bwaldvogel=INFO} (or {@code djongo.logging.loggers[de.bwaldvogel].level}) brings the
 * server's lines back.
 */
final class EmbeddedServerLogLevels {

	/** Loggers and their default levels. */
	static final Map<String, LogLevel> DEFAULTS = defaults();

	private EmbeddedServerLogLevels() {
	}

	private static Map<String, LogLevel> defaults() {
		Map<String, LogLevel> levels = new LinkedHashMap<>();
		// INFO per client connection opened and closed ("client ... connected", "channel ... closed"), per database
		levels.put("de.bwaldvogel", LogLevel.WARN);
		// WARN per non-unique index ("adding secondary index with keys {} is not yet implemented. ignoring")
		levels.put("de.bwaldvogel.mongo.backend.AbstractMongoDatabase", LogLevel.ERROR);
		// WARN at every shutdown ("Closing 2 clients")
		levels.put("de.bwaldvogel.mongo.MongoServer", LogLevel.ERROR);
		return levels;
	}

	/**
	 * Sets each default level the configuration leaves open.
	 * @param binder the application's configuration
	 * @param system the logging system
	 */
	static void apply(Binder binder, LoggingSystem system) {
		Map<String, String> springLevels = binder.bind("logging.level", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		Map<String, Object> djongoLoggers = binder.bind("djongo.logging.loggers",
				Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		DEFAULTS.forEach((name, level) -> {
			if (!configured(name, springLevels.keySet()) && !configured(name, djongoLoggers.keySet())) {
				system.setLogLevel(name, level);
			}
		});
	}

	/** Whether one of the names is the logger or one of its ancestors below the root. */
	static boolean configured(String logger, Iterable<String> names) {
		for (String name : names) {
			if (logger.equals(name) || logger.startsWith(name + ".")) {
				return true;
			}
		}
		return false;
	}

}
