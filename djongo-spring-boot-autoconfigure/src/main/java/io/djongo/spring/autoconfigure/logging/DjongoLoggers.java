package io.djongo.spring.autoconfigure.logging;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.djongo.spring.autoconfigure.DjongoProperties;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Sets levels and propagation of the loggers of {@code djongo.logging.loggers}. Levels go through Spring Boot's
 * {@link LoggingSystem}; propagation has no LoggingSystem API and is set natively for Logback (additivity) and
 * java.util.logging (parent handlers). With another logging system a {@code propagate: false} is reported, not applied.
 */
final class DjongoLoggers {

	private static final String LOGBACK = "org.springframework.boot.logging.logback.LogbackLoggingSystem";

	private static final String JAVA_LOGGING = "org.springframework.boot.logging.java.JavaLoggingSystem";

	/** java.util.logging keeps loggers weakly: a configured one must stay referenced or it forgets its settings. */
	private static final Set<java.util.logging.Logger> retainedJavaLoggers = ConcurrentHashMap.newKeySet();

	private DjongoLoggers() {
	}

	/**
	 * Applies every logger's level and propagation.
	 * @param logging the bound {@code djongo.logging}
	 * @param system the logging system
	 */
	static void apply(DjongoProperties.Logging logging, LoggingSystem system) {
		for (Map.Entry<String, DjongoProperties.LoggerSettings> entry : logging.getLoggers().entrySet()) {
			String name = entry.getKey();
			DjongoProperties.LoggerSettings settings = entry.getValue();
			if (settings.getLevel() != null) {
				system.setLogLevel(name, level(settings.getLevel()));
			}
			setPropagate(system, name, settings.isPropagate());
		}
	}

	/** Spring Boot's level for a djongo (Python) level; {@code null} (inherit) for NOTSET. */
	static @Nullable LogLevel level(DjongoProperties.LoggerLevel level) {
		return switch (level) {
			case TRACE -> LogLevel.TRACE;
			case DEBUG -> LogLevel.DEBUG;
			case INFO -> LogLevel.INFO;
			case WARNING, WARN -> LogLevel.WARN;
			case ERROR -> LogLevel.ERROR;
			case CRITICAL, FATAL -> LogLevel.FATAL;
			case OFF -> LogLevel.OFF;
			case NOTSET -> null;
		};
	}

	private static void setPropagate(LoggingSystem system, String name, boolean propagate) {
		String type = system.getClass().getName();
		if (type.equals(LOGBACK)) {
			Logback.setAdditive(name, propagate);
		}
		else if (type.equals(JAVA_LOGGING)) {
			java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
			retainedJavaLoggers.add(logger);
			logger.setUseParentHandlers(propagate);
		}
		else if (!propagate) {
			LogFactory.getLog("djongo")
				.warn("djongo.logging.loggers[" + name + "].propagate=false is not applied: " + type
						+ " is not supported for it (Logback and java.util.logging are); set the logger's additivity"
						+ " in the logging system's own configuration file");
		}
	}

	/** Loaded only when Logback is the logging system. */
	private static final class Logback {

		static void setAdditive(String name, boolean additive) {
			if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
				context.getLogger(name).setAdditive(additive);
			}
		}

	}

}
