package io.djongo.spring.autoconfigure;

import com.mongodb.MongoClientSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.core.Ordered;

/**
 * Applies the credential and proxy login of {@link DjongoConnectionDetails}, which its published connection
 * string leaves out; does nothing when other connection details (a service connection) are in use. Runs right
 * after Spring Boot's standard customizer, before the application's own.
 */
final class DjongoCredentialsCustomizer implements MongoClientSettingsBuilderCustomizer, Ordered {

	private final ObjectProvider<MongoConnectionDetails> connectionDetails;

	DjongoCredentialsCustomizer(ObjectProvider<MongoConnectionDetails> connectionDetails) {
		this.connectionDetails = connectionDetails;
	}

	@Override
	public void customize(MongoClientSettings.Builder builder) {
		if (this.connectionDetails.getIfUnique() instanceof DjongoConnectionDetails details) {
			details.applyCredentials(builder);
		}
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
