package io.djongo.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.AuthenticationMechanism;
import com.mongodb.ReadConcernLevel;
import com.mongodb.connection.ServerMonitoringMode;
import org.jspecify.annotations.Nullable;

/**
 * The {@code djongo.client.*} configuration: where and how to connect, as djongo's {@code CLIENT} settings.
 * <p>
 * Besides {@code host}, {@code port}, {@code ssl-bundle} and the credentials, every property is a MongoDB connection-string option; its
 * name in the URI is the property name (connection-string options are case-insensitive), so {@code max-pool-size}
 * becomes {@code maxPoolSize}. The credentials and the proxy password never enter the connection string that is
 * published or logged.
 */
public class DjongoClientProperties {

	/**
	 * A host, a comma-separated list of host:port, or a mongodb:// or mongodb+srv:// URI. Not set: spring.mongodb.* when set, else the embedded server when it is on the class path, else start-up fails.
	 */
	private @Nullable String host;

	/**
	 * Port for every host that names none (27017 when not set).
	 */
	private @Nullable Integer port;

	/**
	 * Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) to connect with; implies TLS. Not set: none.
	 */
	private @Nullable String sslBundle;

	/**
	 * User name to authenticate as. Not set: no authentication.
	 */
	private @Nullable String username;

	/**
	 * Password of the user. Never logged. Not set: none.
	 */
	private @Nullable String password;

	/**
	 * Database that holds the user's credentials. Default: the database in the host URI's path, else 'admin' (as pymongo); '$external' for GSSAPI, PLAIN, MONGODB-X509, MONGODB-AWS and MONGODB-OIDC.
	 */
	private @Nullable String authSource;

	/**
	 * Authentication mechanism, such as SCRAM-SHA-256 or MONGODB-X509. Default: negotiated with the server.
	 */
	private @Nullable AuthenticationMechanism authMechanism;

	/**
	 * Properties of the authentication mechanism, such as SERVICE_NAME for GSSAPI or ENVIRONMENT for MONGODB-OIDC.
	 */
	private Map<String, String> authMechanismProperties = new LinkedHashMap<>();

	/**
	 * Name of the replica set; the hosts are then a seed list. Not set: none; the driver discovers the deployment.
	 */
	private @Nullable String replicaSet;

	/**
	 * Whether to connect to the one host directly rather than discovering the whole deployment.
	 */
	private @Nullable Boolean directConnection;

	/**
	 * Whether the host is a load balancer in front of a sharded cluster or serverless instance.
	 */
	private @Nullable Boolean loadBalanced;

	/**
	 * Maximum number of hosts taken from the SRV record of a mongodb+srv URI (0: no limit).
	 */
	private @Nullable Integer srvMaxHosts;

	/**
	 * Service name of the SRV record of a mongodb+srv URI ('mongodb' when not set).
	 */
	private @Nullable String srvServiceName;

	/**
	 * Whether to connect with TLS.
	 */
	private @Nullable Boolean tls;

	/**
	 * Whether to relax TLS checks (for now: allow invalid host names). For development only.
	 */
	private @Nullable Boolean tlsInsecure;

	/**
	 * Whether to accept a server certificate whose host name does not match.
	 */
	private @Nullable Boolean tlsAllowInvalidHostnames;

	/**
	 * Time limit in milliseconds for the whole execution of an operation (client-side operation timeout).
	 * Not set: no limit (the driver's default).
	 */
	private @Nullable Long timeoutMs;

	/**
	 * Time limit in milliseconds for opening a connection.
	 */
	private @Nullable Integer connectTimeoutMs;

	/**
	 * Time limit in milliseconds for a read on a socket (0: none).
	 */
	private @Nullable Integer socketTimeoutMs;

	/**
	 * How long in milliseconds to wait for a suitable server before failing an operation.
	 */
	private @Nullable Integer serverSelectionTimeoutMs;

	/**
	 * Latency window in milliseconds within which any server may be selected, measured from the fastest.
	 */
	private @Nullable Integer localThresholdMs;

	/**
	 * Interval in milliseconds between checks of each server's state.
	 */
	private @Nullable Integer heartbeatFrequencyMs;

	/**
	 * Protocol used to monitor the servers: stream, poll or auto.
	 */
	private @Nullable ServerMonitoringMode serverMonitoringMode;

	/**
	 * Maximum number of connections in the pool of each server.
	 */
	private @Nullable Integer maxPoolSize;

	/**
	 * Minimum number of connections kept in the pool of each server.
	 */
	private @Nullable Integer minPoolSize;

	/**
	 * Maximum number of connections a pool may be establishing at the same time.
	 */
	private @Nullable Integer maxConnecting;

	/**
	 * Time in milliseconds after which an idle pooled connection is closed.
	 */
	private @Nullable Integer maxIdleTimeMs;

	/**
	 * Time in milliseconds after which a pooled connection is closed, idle or not.
	 */
	private @Nullable Integer maxLifeTimeMs;

	/**
	 * How long in milliseconds an operation waits for a free connection of the pool.
	 */
	private @Nullable Integer waitQueueTimeoutMs;

	/**
	 * Which members of a replica set reads go to.
	 */
	private @Nullable ReadPreferenceMode readPreference;

	/**
	 * Tag sets selecting the replica set members to read from, in order of preference; an empty set matches any member.
	 */
	private List<Map<String, String>> readPreferenceTags = new ArrayList<>();

	/**
	 * Maximum replication lag in seconds of a secondary that reads may go to (-1: no limit).
	 */
	private @Nullable Integer maxStalenessSeconds;

	/**
	 * Read concern level of reads: local, available, majority, linearizable or snapshot.
	 * Default: the driver's, the server's default read concern.
	 */
	private @Nullable ReadConcernLevel readConcernLevel;

	/**
	 * Write concern: the number of members that acknowledge a write, 'majority', or a tag set name.
	 * Default: the driver's, the server's default write concern.
	 */
	private @Nullable String w;

	/**
	 * Time limit in milliseconds for the write concern to be satisfied. Not set: no limit (the driver's default).
	 */
	private @Nullable Integer wtimeoutMs;

	/**
	 * Whether writes are acknowledged only once written to the journal.
	 * Default: the driver's, the server's default write concern.
	 */
	private @Nullable Boolean journal;

	/**
	 * Whether to retry a write once after a network error or a replica set election.
	 */
	private @Nullable Boolean retryWrites;

	/**
	 * Whether to retry a read once after a network error or a replica set election.
	 */
	private @Nullable Boolean retryReads;

	/**
	 * Application name sent to the server, shown in its logs and in currentOp. Not set: none.
	 */
	private @Nullable String appName;

	/**
	 * Compressors to offer the server for network traffic, in order of preference.
	 */
	private List<Compressor> compressors = new ArrayList<>();

	/**
	 * Compression level of the zlib compressor, -1 (default) to 9.
	 */
	private @Nullable Integer zlibCompressionLevel;

	/**
	 * Host of a SOCKS5 proxy to connect through. Not set: no proxy.
	 */
	private @Nullable String proxyHost;

	/**
	 * Port of the SOCKS5 proxy (1080 when not set).
	 */
	private @Nullable Integer proxyPort;

	/**
	 * User name for the SOCKS5 proxy. Not set: none.
	 */
	private @Nullable String proxyUsername;

	/**
	 * Password for the SOCKS5 proxy. Never logged. Not set: none.
	 */
	private @Nullable String proxyPassword;

	public @Nullable String getHost() {
		return this.host;
	}

	public void setHost(@Nullable String host) {
		this.host = host;
	}

	public @Nullable Integer getPort() {
		return this.port;
	}

	public void setPort(@Nullable Integer port) {
		this.port = port;
	}

	public @Nullable String getSslBundle() {
		return this.sslBundle;
	}

	public void setSslBundle(@Nullable String sslBundle) {
		this.sslBundle = sslBundle;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getAuthSource() {
		return this.authSource;
	}

	public void setAuthSource(@Nullable String authSource) {
		this.authSource = authSource;
	}

	public @Nullable AuthenticationMechanism getAuthMechanism() {
		return this.authMechanism;
	}

	public void setAuthMechanism(@Nullable AuthenticationMechanism authMechanism) {
		this.authMechanism = authMechanism;
	}

	public Map<String, String> getAuthMechanismProperties() {
		return this.authMechanismProperties;
	}

	public void setAuthMechanismProperties(Map<String, String> authMechanismProperties) {
		this.authMechanismProperties = authMechanismProperties;
	}

	public @Nullable String getReplicaSet() {
		return this.replicaSet;
	}

	public void setReplicaSet(@Nullable String replicaSet) {
		this.replicaSet = replicaSet;
	}

	public @Nullable Boolean getDirectConnection() {
		return this.directConnection;
	}

	public void setDirectConnection(@Nullable Boolean directConnection) {
		this.directConnection = directConnection;
	}

	public @Nullable Boolean getLoadBalanced() {
		return this.loadBalanced;
	}

	public void setLoadBalanced(@Nullable Boolean loadBalanced) {
		this.loadBalanced = loadBalanced;
	}

	public @Nullable Integer getSrvMaxHosts() {
		return this.srvMaxHosts;
	}

	public void setSrvMaxHosts(@Nullable Integer srvMaxHosts) {
		this.srvMaxHosts = srvMaxHosts;
	}

	public @Nullable String getSrvServiceName() {
		return this.srvServiceName;
	}

	public void setSrvServiceName(@Nullable String srvServiceName) {
		this.srvServiceName = srvServiceName;
	}

	public @Nullable Boolean getTls() {
		return this.tls;
	}

	public void setTls(@Nullable Boolean tls) {
		this.tls = tls;
	}

	public @Nullable Boolean getTlsInsecure() {
		return this.tlsInsecure;
	}

	public void setTlsInsecure(@Nullable Boolean tlsInsecure) {
		this.tlsInsecure = tlsInsecure;
	}

	public @Nullable Boolean getTlsAllowInvalidHostnames() {
		return this.tlsAllowInvalidHostnames;
	}

	public void setTlsAllowInvalidHostnames(@Nullable Boolean tlsAllowInvalidHostnames) {
		this.tlsAllowInvalidHostnames = tlsAllowInvalidHostnames;
	}

	public @Nullable Long getTimeoutMs() {
		return this.timeoutMs;
	}

	public void setTimeoutMs(@Nullable Long timeoutMs) {
		this.timeoutMs = timeoutMs;
	}

	public @Nullable Integer getConnectTimeoutMs() {
		return this.connectTimeoutMs;
	}

	public void setConnectTimeoutMs(@Nullable Integer connectTimeoutMs) {
		this.connectTimeoutMs = connectTimeoutMs;
	}

	public @Nullable Integer getSocketTimeoutMs() {
		return this.socketTimeoutMs;
	}

	public void setSocketTimeoutMs(@Nullable Integer socketTimeoutMs) {
		this.socketTimeoutMs = socketTimeoutMs;
	}

	public @Nullable Integer getServerSelectionTimeoutMs() {
		return this.serverSelectionTimeoutMs;
	}

	public void setServerSelectionTimeoutMs(@Nullable Integer serverSelectionTimeoutMs) {
		this.serverSelectionTimeoutMs = serverSelectionTimeoutMs;
	}

	public @Nullable Integer getLocalThresholdMs() {
		return this.localThresholdMs;
	}

	public void setLocalThresholdMs(@Nullable Integer localThresholdMs) {
		this.localThresholdMs = localThresholdMs;
	}

	public @Nullable Integer getHeartbeatFrequencyMs() {
		return this.heartbeatFrequencyMs;
	}

	public void setHeartbeatFrequencyMs(@Nullable Integer heartbeatFrequencyMs) {
		this.heartbeatFrequencyMs = heartbeatFrequencyMs;
	}

	public @Nullable ServerMonitoringMode getServerMonitoringMode() {
		return this.serverMonitoringMode;
	}

	public void setServerMonitoringMode(@Nullable ServerMonitoringMode serverMonitoringMode) {
		this.serverMonitoringMode = serverMonitoringMode;
	}

	public @Nullable Integer getMaxPoolSize() {
		return this.maxPoolSize;
	}

	public void setMaxPoolSize(@Nullable Integer maxPoolSize) {
		this.maxPoolSize = maxPoolSize;
	}

	public @Nullable Integer getMinPoolSize() {
		return this.minPoolSize;
	}

	public void setMinPoolSize(@Nullable Integer minPoolSize) {
		this.minPoolSize = minPoolSize;
	}

	public @Nullable Integer getMaxConnecting() {
		return this.maxConnecting;
	}

	public void setMaxConnecting(@Nullable Integer maxConnecting) {
		this.maxConnecting = maxConnecting;
	}

	public @Nullable Integer getMaxIdleTimeMs() {
		return this.maxIdleTimeMs;
	}

	public void setMaxIdleTimeMs(@Nullable Integer maxIdleTimeMs) {
		this.maxIdleTimeMs = maxIdleTimeMs;
	}

	public @Nullable Integer getMaxLifeTimeMs() {
		return this.maxLifeTimeMs;
	}

	public void setMaxLifeTimeMs(@Nullable Integer maxLifeTimeMs) {
		this.maxLifeTimeMs = maxLifeTimeMs;
	}

	public @Nullable Integer getWaitQueueTimeoutMs() {
		return this.waitQueueTimeoutMs;
	}

	public void setWaitQueueTimeoutMs(@Nullable Integer waitQueueTimeoutMs) {
		this.waitQueueTimeoutMs = waitQueueTimeoutMs;
	}

	public @Nullable ReadPreferenceMode getReadPreference() {
		return this.readPreference;
	}

	public void setReadPreference(@Nullable ReadPreferenceMode readPreference) {
		this.readPreference = readPreference;
	}

	public List<Map<String, String>> getReadPreferenceTags() {
		return this.readPreferenceTags;
	}

	public void setReadPreferenceTags(List<Map<String, String>> readPreferenceTags) {
		this.readPreferenceTags = readPreferenceTags;
	}

	public @Nullable Integer getMaxStalenessSeconds() {
		return this.maxStalenessSeconds;
	}

	public void setMaxStalenessSeconds(@Nullable Integer maxStalenessSeconds) {
		this.maxStalenessSeconds = maxStalenessSeconds;
	}

	public @Nullable ReadConcernLevel getReadConcernLevel() {
		return this.readConcernLevel;
	}

	public void setReadConcernLevel(@Nullable ReadConcernLevel readConcernLevel) {
		this.readConcernLevel = readConcernLevel;
	}

	public @Nullable String getW() {
		return this.w;
	}

	public void setW(@Nullable String w) {
		this.w = w;
	}

	public @Nullable Integer getWtimeoutMs() {
		return this.wtimeoutMs;
	}

	public void setWtimeoutMs(@Nullable Integer wtimeoutMs) {
		this.wtimeoutMs = wtimeoutMs;
	}

	public @Nullable Boolean getJournal() {
		return this.journal;
	}

	public void setJournal(@Nullable Boolean journal) {
		this.journal = journal;
	}

	public @Nullable Boolean getRetryWrites() {
		return this.retryWrites;
	}

	public void setRetryWrites(@Nullable Boolean retryWrites) {
		this.retryWrites = retryWrites;
	}

	public @Nullable Boolean getRetryReads() {
		return this.retryReads;
	}

	public void setRetryReads(@Nullable Boolean retryReads) {
		this.retryReads = retryReads;
	}

	public @Nullable String getAppName() {
		return this.appName;
	}

	public void setAppName(@Nullable String appName) {
		this.appName = appName;
	}

	public List<Compressor> getCompressors() {
		return this.compressors;
	}

	public void setCompressors(List<Compressor> compressors) {
		this.compressors = compressors;
	}

	public @Nullable Integer getZlibCompressionLevel() {
		return this.zlibCompressionLevel;
	}

	public void setZlibCompressionLevel(@Nullable Integer zlibCompressionLevel) {
		this.zlibCompressionLevel = zlibCompressionLevel;
	}

	public @Nullable String getProxyHost() {
		return this.proxyHost;
	}

	public void setProxyHost(@Nullable String proxyHost) {
		this.proxyHost = proxyHost;
	}

	public @Nullable Integer getProxyPort() {
		return this.proxyPort;
	}

	public void setProxyPort(@Nullable Integer proxyPort) {
		this.proxyPort = proxyPort;
	}

	public @Nullable String getProxyUsername() {
		return this.proxyUsername;
	}

	public void setProxyUsername(@Nullable String proxyUsername) {
		this.proxyUsername = proxyUsername;
	}

	public @Nullable String getProxyPassword() {
		return this.proxyPassword;
	}

	public void setProxyPassword(@Nullable String proxyPassword) {
		this.proxyPassword = proxyPassword;
	}

	/**
	 * Read preference modes, as the connection string's {@code readPreference} values.
	 */
	public enum ReadPreferenceMode {

		/** Only the primary. */
		PRIMARY,

		/** The primary, or a secondary when no primary is available. */
		PRIMARY_PREFERRED,

		/** Only secondaries. */
		SECONDARY,

		/** A secondary, or the primary when no secondary is available. */
		SECONDARY_PREFERRED,

		/** The member with the lowest latency, primary or secondary. */
		NEAREST

	}

	/**
	 * Network compressors, as the connection string's {@code compressors} values.
	 */
	public enum Compressor {

		/** Snappy (needs org.xerial.snappy:snappy-java). */
		SNAPPY,

		/** zlib (in the JDK). */
		ZLIB,

		/** Zstandard (needs com.github.luben:zstd-jni). */
		ZSTD

	}

}
