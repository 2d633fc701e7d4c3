package io.djongo.spring.autoconfigure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.mongodb.ConnectionString;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;

/**
 * {@link MongoConnectionDetails} from {@code djongo.client.*} and {@code djongo.name}: Spring Boot builds the one
 * MongoClient from it, so SSL bundles, metrics and health work unchanged.
 */
class DjongoConnectionDetails implements MongoConnectionDetails {

	private static final String DEFAULT_HOST = "localhost";

	private final DjongoProperties properties;

	DjongoConnectionDetails(DjongoProperties properties) {
		this.properties = properties;
	}

	@Override
	public ConnectionString getConnectionString() {
		DjongoProperties.Client client = this.properties.getClient();
		String host = (client.getHost() != null) ? client.getHost().trim() : DEFAULT_HOST;
		String uri = host.startsWith("mongodb://") || host.startsWith("mongodb+srv://") ? host : "mongodb://" + withPort(host, client);
		return new ConnectionString(withDatabase(uri, this.properties.requireName()));
	}

	private static String withPort(String hosts, DjongoProperties.Client client) {
		if (client.getPort() == null || hosts.contains(":") || hosts.contains(",")) {
			return hosts;
		}
		return hosts + ":" + client.getPort();
	}

	private static String withDatabase(String uri, String database) {
		int schemeEnd = uri.indexOf("://") + 3;
		int pathStart = uri.indexOf('/', schemeEnd);
		int queryStart = uri.indexOf('?', schemeEnd);
		String authority = uri.substring(0, (pathStart >= 0) ? pathStart : (queryStart >= 0) ? queryStart : uri.length());
		String query = (queryStart >= 0) ? uri.substring(queryStart) : "";
		return authority + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8) + query;
	}

	@Override
	public String toString() {
		return "DjongoConnectionDetails[database=" + this.properties.getName() + "]";
	}

}
