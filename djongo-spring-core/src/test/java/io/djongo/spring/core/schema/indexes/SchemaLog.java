package io.djongo.spring.core.schema.indexes;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** The lines the {@code djongo.schema} logger writes while an action runs. */
final class SchemaLog {

	private SchemaLog() {
	}

	static List<ILoggingEvent> during(Runnable action) {
		Logger logger = (Logger) LoggerFactory.getLogger("djongo.schema");
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		Level level = logger.getLevel();
		logger.setLevel(Level.INFO);
		logger.addAppender(events);
		try {
			action.run();
		}
		finally {
			logger.detachAppender(events);
			logger.setLevel(level);
		}
		return List.copyOf(events.list);
	}

}
