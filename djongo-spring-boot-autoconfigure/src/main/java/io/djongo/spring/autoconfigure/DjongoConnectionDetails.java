package io.djongo.spring.autoconfigure;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * {@link MongoConnectionDetails} from {@code djongo.client.*} and {@code djongo.name}: Spring Boot builds the one
 * MongoClient from it, so SSL bundles, metrics and health work unchanged.
 * <p>
 * The published connection string holds no password: a {@link ConnectionString} prints itself verbatim, so the
 * credential and the proxy login are kept here and applied to the client settings by
 * {@link #applyCredentials(MongoClientSettings.Builder)}.
 */
class DjongoConnectionDetails implements MongoConnectionDetails {

	/** The logger of the connection line. */
	static final String LOGGER_NAME = "djongo.client";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private final ConnectionString connectionString;

	private final @Nullable ConnectionString withSecrets;

	private final String redacted;

	private final @Nullable SslBundle sslBundle;

	DjongoConnectionDetails(DjongoProperties properties) {
		this(properties, null);
	}

	DjongoConnectionDetails(DjongoProperties properties, @Nullable SslBundles sslBundles) {
		String database = properties.requireName();
		ConnectionUri uri = ConnectionUri.of(properties.getClient());
		this.redacted = uri.redacted(database);
		try {
			this.connectionString = new ConnectionString(uri.published(database));
			this.withSecrets = uri.hasCredentials() ? new ConnectionString(uri.withSecrets()) : null;
		}
		catch (IllegalArgumentException ex) {
			// the driver's messages name options and hosts, never the password
			throw new IllegalStateException("Invalid djongo.client configuration (" + this.redacted + "): "
					+ ex.getMessage(), ex);
		}
		this.sslBundle = sslBundle(properties.getClient().getSslBundle(), sslBundles);
		if (logger.isInfoEnabled()) {
			MongoCredential credential = credential();
			logger.info("djongo connects to " + this.redacted + ", configured by djongo.client.*"
					+ ((credential != null) ? "; authentication database '" + credential.getSource() + "'" : ""));
		}
	}

	@Override
	public ConnectionString getConnectionString() {
		return this.connectionString;
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		return this.sslBundle;
	}

	private static @Nullable SslBundle sslBundle(@Nullable String name, @Nullable SslBundles sslBundles) {
		if (!StringUtils.hasText(name)) {
			return null;
		}
		if (sslBundles == null) {
			throw new IllegalStateException(
					"djongo.client.ssl-bundle is '" + name + "' but no SSL bundles are configured (spring.ssl.bundle.*)");
		}
		return sslBundles.getBundle(name);
	}

	/** The credential the client authenticates with, or {@code null} without one. */
	@Nullable MongoCredential credential() {
		return (this.withSecrets != null) ? this.withSecrets.getCredential() : null;
	}

	/** Whether a proxy password is configured (which the driver's settings log line would print). */
	boolean hasProxyPassword() {
		return this.withSecrets != null && this.withSecrets.getProxyPassword() != null;
	}

	/**
	 * Applies what the published connection string leaves out: the credential and the proxy login.
	 */
	void applyCredentials(MongoClientSettings.Builder builder) {
		ConnectionString secrets = this.withSecrets;
		if (secrets == null) {
			return;
		}
		MongoCredential credential = secrets.getCredential();
		if (credential != null) {
			builder.credential(credential);
		}
		if (secrets.getProxyUsername() != null) {
			builder.applyToSocketSettings((socket) -> socket
				.applyToProxySettings((proxy) -> proxy.applyConnectionString(secrets)));
		}
	}

	@Override
	public String toString() {
		return "DjongoConnectionDetails[" + this.redacted + "]";
	}

}
