package io.djongo.spring.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCompressor;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.Tag;
import com.mongodb.TagSet;
import com.mongodb.TaggableReadPreference;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ServerMonitoringMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every {@code djongo.client.*} option reaches the client settings: bound as Spring Boot binds it, turned into
 * connection details, applied as Spring Boot's customizer and ours apply them.
 */
class DjongoClientPropertiesUnitTests {

	static Stream<Arguments> options() {
		return Stream.of(
				option("replica-set=rs0", (s) -> assertThat(s.getClusterSettings().getRequiredReplicaSetName())
					.isEqualTo("rs0")),
				option("direct-connection=true",
						(s) -> assertThat(s.getClusterSettings().getMode()).isEqualTo(ClusterConnectionMode.SINGLE)),
				option("load-balanced=true", (s) -> assertThat(s.getClusterSettings().getMode())
					.isEqualTo(ClusterConnectionMode.LOAD_BALANCED)),
				option("tls=true", (s) -> assertThat(s.getSslSettings().isEnabled()).isTrue()),
				option("tls=true;tls-insecure=true",
						(s) -> assertThat(s.getSslSettings().isInvalidHostNameAllowed()).isTrue()),
				option("tls=true;tls-allow-invalid-hostnames=true",
						(s) -> assertThat(s.getSslSettings().isInvalidHostNameAllowed()).isTrue()),
				option("timeout-ms=1500", (s) -> assertThat(s.getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1500L)),
				option("connect-timeout-ms=1200",
						(s) -> assertThat(s.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1200)),
				option("socket-timeout-ms=3400",
						(s) -> assertThat(s.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3400)),
				option("server-selection-timeout-ms=900", (s) -> assertThat(
						s.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
					.isEqualTo(900)),
				option("local-threshold-ms=40", (s) -> assertThat(
						s.getClusterSettings().getLocalThreshold(TimeUnit.MILLISECONDS))
					.isEqualTo(40)),
				option("heartbeat-frequency-ms=7000", (s) -> assertThat(
						s.getServerSettings().getHeartbeatFrequency(TimeUnit.MILLISECONDS))
					.isEqualTo(7000)),
				option("server-monitoring-mode=poll", (s) -> assertThat(
						s.getServerSettings().getServerMonitoringMode())
					.isEqualTo(ServerMonitoringMode.POLL)),
				option("max-pool-size=42",
						(s) -> assertThat(s.getConnectionPoolSettings().getMaxSize()).isEqualTo(42)),
				option("min-pool-size=3", (s) -> assertThat(s.getConnectionPoolSettings().getMinSize()).isEqualTo(3)),
				option("max-connecting=4",
						(s) -> assertThat(s.getConnectionPoolSettings().getMaxConnecting()).isEqualTo(4)),
				option("max-idle-time-ms=60000", (s) -> assertThat(
						s.getConnectionPoolSettings().getMaxConnectionIdleTime(TimeUnit.MILLISECONDS))
					.isEqualTo(60000)),
				option("max-life-time-ms=120000", (s) -> assertThat(
						s.getConnectionPoolSettings().getMaxConnectionLifeTime(TimeUnit.MILLISECONDS))
					.isEqualTo(120000)),
				option("wait-queue-timeout-ms=800", (s) -> assertThat(
						s.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS))
					.isEqualTo(800)),
				option("read-preference=secondary-preferred",
						(s) -> assertThat(s.getReadPreference()).isEqualTo(ReadPreference.secondaryPreferred())),
				option("read-preference=nearest;read-preference-tags[0].dc=ny;read-preference-tags[0].rack=1"
						+ ";read-preference-tags[1].dc=sf", (s) -> assertThat(
								((TaggableReadPreference) s.getReadPreference()).getTagSetList())
							.containsExactly(new TagSet(List.of(new Tag("dc", "ny"), new Tag("rack", "1"))),
									new TagSet(new Tag("dc", "sf")))),
				option("read-preference=secondary;max-staleness-seconds=120", (s) -> assertThat(
						((TaggableReadPreference) s.getReadPreference()).getMaxStaleness(TimeUnit.SECONDS))
					.isEqualTo(120L)),
				option("read-concern-level=majority",
						(s) -> assertThat(s.getReadConcern()).isEqualTo(ReadConcern.MAJORITY)),
				option("w=majority", (s) -> assertThat(s.getWriteConcern().getWString()).isEqualTo("majority")),
				option("w=2;wtimeout-ms=2500", (s) -> assertThat(
						s.getWriteConcern().getWTimeout(TimeUnit.MILLISECONDS))
					.isEqualTo(2500)),
				option("journal=true", (s) -> assertThat(s.getWriteConcern().getJournal()).isTrue()),
				option("retry-writes=false", (s) -> assertThat(s.getRetryWrites()).isFalse()),
				option("retry-reads=false", (s) -> assertThat(s.getRetryReads()).isFalse()),
				option("app-name=blog admin", (s) -> assertThat(s.getApplicationName()).isEqualTo("blog admin")),
				option("compressors=zstd,zlib", (s) -> assertThat(s.getCompressorList())
					.extracting(MongoCompressor::getName)
					.containsExactly("zstd", "zlib")),
				option("compressors=zlib;zlib-compression-level=5", (s) -> assertThat(
						s.getCompressorList().get(0).getProperty(MongoCompressor.LEVEL, 0))
					.isEqualTo(5)),
				option("proxy-host=proxy.local;proxy-port=1081", (s) -> {
					assertThat(s.getSocketSettings().getProxySettings().getHost()).isEqualTo("proxy.local");
					assertThat(s.getSocketSettings().getProxySettings().getPort()).isEqualTo(1081);
				}),
				option("proxy-host=proxy.local;proxy-username=tunnel;proxy-password=proxy-secret", (s) -> {
					assertThat(s.getSocketSettings().getProxySettings().getUsername()).isEqualTo("tunnel");
					assertThat(s.getSocketSettings().getProxySettings().getPassword()).isEqualTo("proxy-secret");
				}),
				option("username=app;password=s3cret", (s) -> {
					assertThat(s.getCredential().getUserName()).isEqualTo("app");
					assertThat(s.getCredential().getPassword()).containsExactly("s3cret".toCharArray());
				}),
				option("username=app;password=s3cret;auth-source=users",
						(s) -> assertThat(s.getCredential().getSource()).isEqualTo("users")),
				option("username=app;password=s3cret;auth-mechanism=SCRAM-SHA-256",
						(s) -> assertThat(s.getCredential().getMechanism()).isEqualTo("SCRAM-SHA-256")),
				option("username=app;auth-mechanism=GSSAPI;auth-mechanism-properties.SERVICE_NAME=other",
						(s) -> assertThat(s.getCredential().getMechanismProperty("SERVICE_NAME", "mongodb"))
							.isEqualTo("other")));
	}

	private static Arguments option(String properties, Consumer<MongoClientSettings> check) {
		return Arguments.of(properties, check);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("options")
	void optionReachesTheClientSettings(String properties, Consumer<MongoClientSettings> check) {
		check.accept(settings(properties.split(";")));
	}

	@Test
	void everyClientPropertyHasAPassThroughCase() {
		Set<String> tested = options().map((arguments) -> (String) arguments.get()[0])
			.flatMap((properties) -> Arrays.stream(properties.split(";")))
			.map((property) -> property.substring(0, property.indexOf('=')).replaceAll("[\\[.].*", ""))
			.collect(Collectors.toCollection(TreeSet::new));
		tested.addAll(Set.of("host", "port", "srv-max-hosts", "srv-service-name", "ssl-bundle")); // tested below
		Set<String> declared = Arrays
			.stream(org.springframework.beans.BeanUtils.getPropertyDescriptors(DjongoClientProperties.class))
			.map((property) -> org.springframework.boot.context.properties.bind.DataObjectPropertyName
				.toDashedForm(property.getName()))
			.filter((name) -> !name.equals("class"))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(tested).containsExactlyInAnyOrderElementsOf(declared);
	}

	@Test
	void camelCaseAndKebabCaseBindTheSameOption() {
		assertThat(settings("maxPoolSize=17").getConnectionPoolSettings().getMaxSize()).isEqualTo(17);
		assertThat(settings("max-pool-size=17").getConnectionPoolSettings().getMaxSize()).isEqualTo(17);
		assertThat(settings("serverSelectionTimeoutMs=250").getClusterSettings()
			.getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(250);
	}

	@Test
	void propertyWinsOverTheSameOptionInTheHostUri() {
		MongoClientSettings settings = settings("host=mongodb://db.example.com/?maxPoolSize=5&appName=fromUri",
				"max-pool-size=9");
		assertThat(settings.getConnectionPoolSettings().getMaxSize()).isEqualTo(9);
		assertThat(settings.getApplicationName()).isEqualTo("fromUri");
	}

	@Test
	void authenticationDatabaseDefaultsToAdminAsInPymongoNotToTheModelsDatabase() {
		assertThat(settings("username=app", "password=pw").getCredential().getSource()).isEqualTo("admin");
	}

	@Test
	void authenticationDatabaseDefaultsToTheDatabaseOfTheHostUri() {
		assertThat(settings("host=mongodb://db.example.com/accounts", "username=app", "password=pw").getCredential()
			.getSource()).isEqualTo("accounts");
		assertThat(settings("host=mongodb://app:pw@db.example.com/accounts").getCredential().getSource())
			.isEqualTo("accounts");
	}

	@Test
	void externalMechanismsAuthenticateAgainstExternal() {
		assertThat(settings("username=CN=client", "auth-mechanism=MONGODB-X509").getCredential().getSource())
			.isEqualTo("$external");
	}

	@Test
	void credentialPropertiesWinOverTheHostUriUserInformation() {
		MongoClientSettings settings = settings("host=mongodb://old:oldpw@db.example.com", "username=new",
				"password=newpw");
		assertThat(settings.getCredential().getUserName()).isEqualTo("new");
		assertThat(settings.getCredential().getPassword()).containsExactly("newpw".toCharArray());
	}

	@Test
	void passwordWithReservedCharactersSurvivesTheRoundTrip() {
		String password = "p@ss:w/rd %+?&=#";
		assertThat(settings("username=us er", "password=" + password).getCredential().getPassword())
			.containsExactly(password.toCharArray());
		assertThat(settings("username=us er", "password=" + password).getCredential().getUserName())
			.isEqualTo("us er");
	}

	@Test
	void connectsToTheModelsDatabase() {
		assertThat(details("host=db.example.com").getConnectionString().getDatabase()).isEqualTo("models");
	}

	@Test
	void sslBundleIsPublishedForSpringBootToApply() {
		DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();
		SslBundle bundle = SslBundle.systemDefault();
		bundles.registerBundle("mongo", bundle);
		assertThat(new DjongoConnectionDetails(bind("ssl-bundle=mongo"), bundles).getSslBundle()).isSameAs(bundle);
		assertThat(details("host=db.example.com").getSslBundle()).isNull();
	}

	@Test
	void sslBundleWithoutBundlesFailsNamingTheProperty() {
		assertThatIllegalStateException().isThrownBy(() -> new DjongoConnectionDetails(bind("ssl-bundle=mongo"), null))
			.withMessageContaining("djongo.client.ssl-bundle is 'mongo'");
	}

	@Test
	void noCredentialWithoutUsername() {
		assertThat(settings("host=db.example.com").getCredential()).isNull();
	}

	static MongoClientSettings settings(String... properties) {
		DjongoConnectionDetails details = details(properties);
		MongoClientSettings.Builder builder = MongoClientSettings.builder();
		builder.applyConnectionString(details.getConnectionString());
		details.applyCredentials(builder);
		return builder.build();
	}

	static DjongoConnectionDetails details(String... properties) {
		return new DjongoConnectionDetails(bind(properties));
	}

	static DjongoProperties bind(String... properties) {
		Map<String, String> source = new LinkedHashMap<>();
		source.put("djongo.name", "models");
		source.put("djongo.client.host", "db.example.com");
		for (String property : properties) {
			int equals = property.indexOf('=');
			source.put("djongo.client." + property.substring(0, equals), property.substring(equals + 1));
		}
		return new Binder(new MapConfigurationPropertySource(source))
			.bind("djongo", Bindable.of(DjongoProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
			.get();
	}

}
