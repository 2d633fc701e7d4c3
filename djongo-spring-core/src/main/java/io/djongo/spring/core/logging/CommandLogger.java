package io.djongo.spring.core.logging;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A driver {@link CommandListener} that logs each command sent, at DEBUG on the logger {@value #LOGGER_NAME}: the
 * database, the command's shape, the outcome and the duration, one line per command:
 * <pre>
 * blog: {find: "blog_post", filter: {title: {$regex: ?}}, limit: ?} -&gt; ok in 0.84 ms
 * </pre>
 * The shape keeps field names and replaces values with {@code ?}; values are shown only when asked for, and fields
 * named like passwords never. The driver already blanks authentication commands. Add it to a client with
 * {@code MongoClientSettings.Builder#addCommandListener}; it costs one level check per event while DEBUG is off.
 */
public final class CommandLogger implements CommandListener {

	/** The logger the commands are logged on, a child of {@code djongo}. */
	public static final String LOGGER_NAME = "djongo.commands";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private final CommandFormatter formatter;

	/** Commands started and not finished yet, by request id (unique in the JVM). */
	private final Map<Integer, String> started = new ConcurrentHashMap<>();

	/**
	 * A logger of command shapes, without values.
	 */
	public CommandLogger() {
		this(false);
	}

	/**
	 * A logger of command shapes, or of commands with their values.
	 * @param logValues whether to show values rather than {@code ?}
	 */
	public CommandLogger(boolean logValues) {
		this.formatter = new CommandFormatter(logValues);
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (logger.isDebugEnabled()) {
			this.started.put(event.getRequestId(),
					event.getDatabaseName() + ": " + this.formatter.command(event.getCommandName(), event.getCommand()));
		}
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		String command = this.started.remove(event.getRequestId());
		if (command != null && logger.isDebugEnabled()) {
			logger.debug(command + " -> ok in " + milliseconds(event.getElapsedTime(TimeUnit.NANOSECONDS)));
		}
	}

	@Override
	public void commandFailed(CommandFailedEvent event) {
		String command = this.started.remove(event.getRequestId());
		if (command != null && logger.isDebugEnabled()) {
			logger.debug(command + " -> failed in " + milliseconds(event.getElapsedTime(TimeUnit.NANOSECONDS)) + ": "
					+ this.formatter.failure(event.getThrowable()));
		}
	}

	private static String milliseconds(long nanos) {
		return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000.0);
	}

}
