package io.djongo.spring.test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;

/**
 * Records the commands a client sends, to count round trips. Handshake and monitoring commands are left out.
 */
public final class CommandRecorder implements CommandListener {

	private static final Set<String> IGNORED = Set.of("hello", "ismaster", "isMaster", "buildinfo", "buildInfo",
			"saslStart", "saslContinue", "endSessions", "killCursors");

	private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (!IGNORED.contains(event.getCommandName())) {
			this.commands.add(event.getCommand().clone());
		}
	}

	/** The commands recorded since the last {@link #clear()}. */
	public List<BsonDocument> commands() {
		return List.copyOf(this.commands);
	}

	/** The names of the commands recorded since the last {@link #clear()}, in order. */
	public List<String> names() {
		return this.commands.stream().map(BsonDocument::getFirstKey).toList();
	}

	/** How many commands were recorded since the last {@link #clear()}. */
	public int count() {
		return this.commands.size();
	}

	/** Forgets what was recorded. */
	public void clear() {
		this.commands.clear();
	}

}
