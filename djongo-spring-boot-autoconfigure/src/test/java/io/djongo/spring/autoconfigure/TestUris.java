package io.djongo.spring.autoconfigure;

import io.djongo.spring.test.TestMongo;

/**
 * Connection strings to the test server.
 */
final class TestUris {

	private TestUris() {
	}

	/** The test server's connection string with the given database in its path, options kept. */
	static String withDatabase(String database) {
		String uri = TestMongo.uri();
		int authorityStart = uri.indexOf("://") + 3;
		int queryStart = uri.indexOf('?', authorityStart);
		String options = (queryStart >= 0) ? uri.substring(queryStart) : "";
		String base = (queryStart >= 0) ? uri.substring(0, queryStart) : uri;
		int slash = base.indexOf('/', authorityStart);
		return ((slash >= 0) ? base.substring(0, slash) : base) + "/" + database + options;
	}

	/** The test server's hosts, as djongo.client.host takes them. */
	static String hosts() {
		return String.join(",", TestMongo.connectionString().getHosts());
	}

}
