package io.djongo.spring.autoconfigure;

import com.mongodb.MongoClientSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.core.Ordered;

/**
 * Applies the credential and proxy login of {@link DjongoConnectionDetails}, which its published connection string
 * leaves out; does nothing when other connection details (a service connection) are in use. Runs right after
 * Spring Boot's standard customizer, before the application's own.
 */
final class DjongoCredentialsCustomizer implements MongoClientSettingsBuilderCustomizer, Ordered {

	/** Driver 5.6 logs the client's settings here at INFO, and its ProxySettings print the proxy password. */
	static final String DRIVER_SETTINGS_LOGGER = "org.mongodb.driver.client";

	private static final Log logger = LogFactory.getLog(DjongoConnectionDetails.LOGGER_NAME);

	private final ObjectProvider<MongoConnectionDetails> connectionDetails;

	DjongoCredentialsCustomizer(ObjectProvider<MongoConnectionDetails> connectionDetails) {
		this.connectionDetails = connectionDetails;
	}

	@Override
	public void customize(MongoClientSettings.Builder builder) {
		if (this.connectionDetails.getIfUnique() instanceof DjongoConnectionDetails details) {
			if (details.hasProxyPassword()) {
				hideDriverSettingsLine();
			}
			details.applyCredentials(builder);
		}
	}

	/**
	 * Raises the driver's settings logger to WARN, unless the application set its level, so that the proxy password
	 * does not reach the log.
	 */
	private static void hideDriverSettingsLine() {
		LoggingSystem system = LoggingSystem.get(DjongoCredentialsCustomizer.class.getClassLoader());
		LoggerConfiguration configuration = system.getLoggerConfiguration(DRIVER_SETTINGS_LOGGER);
		if (configuration == null || configuration.getConfiguredLevel() == null) {
			system.setLogLevel(DRIVER_SETTINGS_LOGGER, LogLevel.WARN);
			logger.info("djongo set " + DRIVER_SETTINGS_LOGGER + " to WARN: the driver's INFO line of the client's"
					+ " settings would show djongo.client.proxy-password");
		}
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
