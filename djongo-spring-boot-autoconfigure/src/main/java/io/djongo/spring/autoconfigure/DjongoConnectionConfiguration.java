package io.djongo.spring.autoconfigure;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import io.djongo.spring.autoconfigure.embedded.EmbeddedMongoConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.mongodb.autoconfigure.PropertiesMongoConnectionDetails;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The {@link MongoConnectionDetails} djongo's client is built from, from the one place {@link ConnectionSource}
 * chooses: {@code djongo.client.*}, Spring Boot's {@code spring.mongodb.*}, or the embedded server. When it chooses
 * none (nothing configured, or two places at once), start-up fails with the reason, even with lazy initialization.
 * Each source backs off when the application brings its own connection details (a Testcontainers service
 * connection), as Spring Boot's does.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoProperties.class)
class DjongoConnectionConfiguration {

	private static final Log logger = LogFactory.getLog(DjongoConnectionDetails.LOGGER_NAME);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnConnectionSource(ConnectionSource.Kind.DJONGO_CLIENT)
	static class DjongoClientConnection {

		@Bean
		@ConditionalOnMissingBean(MongoConnectionDetails.class)
		DjongoConnectionDetails mongoConnectionDetails(DjongoProperties properties,
				ObjectProvider<SslBundles> sslBundles) {
			return new DjongoConnectionDetails(properties, sslBundles.getIfAvailable());
		}

		@Bean
		DjongoCredentialsCustomizer djongoCredentialsCustomizer(ObjectProvider<MongoConnectionDetails> connectionDetails) {
			return new DjongoCredentialsCustomizer(connectionDetails);
		}

	}

	/**
	 * Spring Boot's own connection details from {@code spring.mongodb.*}, as Spring Boot would create them, with the
	 * line that says where they came from.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnConnectionSource(ConnectionSource.Kind.SPRING_MONGODB)
	static class SpringMongoConnection {

		@Bean
		@ConditionalOnMissingBean(MongoConnectionDetails.class)
		PropertiesMongoConnectionDetails mongoConnectionDetails(MongoProperties mongoProperties,
				DjongoProperties properties, ObjectProvider<SslBundles> sslBundles, ApplicationContext context) {
			PropertiesMongoConnectionDetails details = new PropertiesMongoConnectionDetails(mongoProperties,
					sslBundles.getIfAvailable());
			String database = properties.requireName();
			ConnectionString connectionString = details.getConnectionString();
			if (logger.isInfoEnabled()) {
				ConnectionSource source = ConnectionSource.resolve(context.getEnvironment(), context.getClassLoader());
				MongoCredential credential = connectionString.getCredential();
				logger.info("djongo connects to "
						+ ConnectionUri.parse(connectionString.getConnectionString(), null).redacted(database)
						+ ", configured by " + String.join(", ", source.springKeys())
						+ ((credential != null) ? "; authentication database '" + credential.getSource() + "'" : ""));
			}
			return details;
		}

	}

	/**
	 * The embedded server, unless the application brings its own connection.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnConnectionSource(ConnectionSource.Kind.EMBEDDED)
	@Import(EmbeddedMongoConfiguration.class)
	static class EmbeddedServerConnection {

	}

	/**
	 * The keys set that the connection in use leaves unused, named once.
	 */
	@Bean
	UnusedConnectionKeys djongoUnusedConnectionKeys(ApplicationContext context,
			ObjectProvider<MongoConnectionDetails> connectionDetails) {
		return new UnusedConnectionKeys(ConnectionSource.resolve(context.getEnvironment(), context.getClassLoader()),
				connectionDetails, () -> context.containsBean(EmbeddedMongoConfiguration.SERVER_BEAN_NAME));
	}

	/**
	 * No source, or two: the reason, as the connection details, created eagerly so that start-up fails.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnConnectionSource(ConnectionSource.Kind.UNRESOLVED)
	@ConditionalOnMissingBean({ MongoConnectionDetails.class, MongoClient.class, MongoDatabaseFactory.class })
	static class UnresolvedConnection {

		/**
		 * Fails. Takes the properties so that they are bound first: a misspelt {@code djongo.client.hots} is
		 * reported as the unknown key it is, not as a missing host.
		 */
		@Bean
		@Lazy(false)
		MongoConnectionDetails mongoConnectionDetails(DjongoProperties properties, ApplicationContext context) {
			throw ConnectionSource.resolve(context.getEnvironment(), context.getClassLoader()).failure();
		}

	}

}
