package io.djongo.spring.autoconfigure.embedded;

import java.nio.file.Path;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import io.djongo.spring.autoconfigure.DjongoProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.util.ClassUtils;

/**
 * Starts the embedded server and publishes its {@link MongoConnectionDetails}. Imported when djongo's connection
 * source is the embedded server: {@code djongo.embedded.enabled=auto} with no connection configured and
 * mongo-java-server on the class path, or {@code true}. Never when the application brings its own connection
 * (connection details such as a Testcontainers service connection, a MongoClient or a MongoDatabaseFactory): the
 * server would serve nobody.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MongoServer.class)
@ConditionalOnMissingBean({ MongoConnectionDetails.class, MongoClient.class, MongoDatabaseFactory.class })
public class EmbeddedMongoConfiguration {

	static final String H2_BACKEND_CLASS = "de.bwaldvogel.mongo.backend.h2.H2Backend";

	/** The name of the server's bean: a constant, so that code without mongo-java-server can ask for it. */
	public static final String SERVER_BEAN_NAME = "djongoEmbeddedMongoServer";

	@Bean(SERVER_BEAN_NAME)
	@ConditionalOnMissingBean
	EmbeddedMongoServer djongoEmbeddedMongoServer(DjongoProperties properties, ApplicationContext context) {
		properties.requireName();
		DjongoProperties.Embedded embedded = properties.getEmbedded();
		Path path = embedded.getPath();
		if (path != null && !ClassUtils.isPresent(H2_BACKEND_CLASS, context.getClassLoader())) {
			throw EmbeddedServerUnavailableException.h2Backend();
		}
		Integer port = embedded.getPort();
		return new EmbeddedMongoServer((port != null) ? port : 0, path);
	}

	@Bean
	@ConditionalOnMissingBean(MongoConnectionDetails.class)
	MongoConnectionDetails mongoConnectionDetails(EmbeddedMongoServer server, DjongoProperties properties) {
		ConnectionString connectionString = new ConnectionString(
				"mongodb://" + server.address() + "/" + properties.requireName());
		return () -> connectionString;
	}

}
