package io.djongo.spring.autoconfigure.embedded;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * An in-process mongo-java-server with the memory backend, bound to loopback. Its data lives as long as the
 * application context.
 */
public final class EmbeddedMongoServer implements DisposableBean {

	private static final Log logger = LogFactory.getLog("djongo.embedded");

	private final MongoServer server;

	private final InetSocketAddress address;

	EmbeddedMongoServer(int port) {
		this.server = new MongoServer(new MemoryBackend());
		// One worker thread: the memory backend does not lock, so concurrent findAndModify $inc calls (the id
		// counters) would interleave and hand out duplicate values.
		this.server.bind(new InetSocketAddress("127.0.0.1", port), 1, 1);
		this.address = this.server.getLocalAddress();
		logger.warn("djongo started an embedded MongoDB-wire server (mongo-java-server) on " + address()
				+ ": data lives in memory only and is lost when the application stops. Set djongo.client.host to use a real MongoDB.");
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
		this.server.shutdownNow();
	}

}
