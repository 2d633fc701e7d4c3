package io.djongo.spring.autoconfigure.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

/**
 * An in-process mongo-java-server bound to loopback: with the memory backend its data lives as long as the
 * application context; with a file ({@code djongo.embedded.path}, the H2 backend) it outlives restarts.
 * <p>
 * Its threads are daemon threads, so the server never keeps the JVM alive: a command-line application exits when its
 * runners finish. mongo-java-server makes its Netty event-loop threads with {@code new Thread(runnable)}, which
 * inherits the daemon flag of the thread that creates it, and Netty creates an event loop's thread when the loop gets
 * its first task: the boss loop's during {@code bind}, the worker loop's when the boss accepts the first connection.
 * Binding from a daemon thread therefore makes every one of them a daemon thread.
 */
public final class EmbeddedMongoServer implements DisposableBean {

	private static final Log logger = LogFactory.getLog("djongo.embedded");

	private final MongoServer server;

	private final InetSocketAddress address;

	EmbeddedMongoServer(int port, @Nullable Path path) {
		MongoBackend backend = (path != null) ? H2Backends.open(path) : new MemoryBackend();
		this.server = new MongoServer(backend);
		this.address = bindFromDaemonThread(this.server, new InetSocketAddress("127.0.0.1", port));
		logger.warn("djongo started an embedded MongoDB-wire server (mongo-java-server) on " + address() + ": "
				+ ((path != null) ? "data is kept in " + path.toAbsolutePath()
						+ " (H2 backend) across restarts; it is not a production database."
						: "data lives in memory only and is lost when the application stops.")
				+ " Set djongo.client.host or spring.mongodb.uri to use a real MongoDB.");
	}

	/**
	 * Binds the server from a daemon thread, so that the event-loop threads it starts are daemon threads too.
	 * @return the address the server listens on
	 */
	private static InetSocketAddress bindFromDaemonThread(MongoServer server, InetSocketAddress address) {
		AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
		Thread binder = new Thread(() -> {
			try {
				// One worker thread: the backends do not lock, so concurrent findAndModify $inc calls (the id
				// counters) would interleave and hand out duplicate values.
				server.bind(address, 1, 1);
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		}, "djongo-embedded-bind");
		binder.setDaemon(true);
		binder.start();
		try {
			binder.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			server.shutdownNow();
			throw new IllegalStateException("Interrupted while the embedded server was starting", ex);
		}
		RuntimeException bindFailure = failure.get();
		if (bindFailure != null) {
			throw new IllegalStateException("The embedded server could not listen on " + address + ": "
					+ bindFailure.getMessage(), bindFailure);
		}
		return server.getLocalAddress();
	}

	/** The {@code host:port} the server listens on. */
	public String address() {
		return this.address.getHostString() + ":" + this.address.getPort();
	}

	/** The port the server listens on. */
	public int port() {
		return this.address.getPort();
	}

	@Override
	public void destroy() {
		// closes the backend too: the H2 backend writes what it has not written yet
		this.server.shutdownNow();
	}

}
