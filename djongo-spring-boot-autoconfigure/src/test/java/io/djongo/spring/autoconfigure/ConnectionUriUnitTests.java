package io.djongo.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionUriUnitTests {

	@Test
	void plainHostGetsThePort() {
		assertThat(ConnectionUri.parse("db.example.com", 27018).published("blog"))
			.isEqualTo("mongodb://db.example.com:27018/blog");
	}

	@Test
	void portGoesToEveryHostThatNamesNone() {
		assertThat(ConnectionUri.parse("a.example.com, b.example.com:27020,[::1]", 27018).published("blog"))
			.isEqualTo("mongodb://a.example.com:27018,b.example.com:27020,[::1]:27018/blog");
		assertThat(ConnectionUri.parse("mongodb://a.example.com,[::1]:27019/", 27018).published("blog"))
			.isEqualTo("mongodb://a.example.com:27018,[::1]:27019/blog");
	}

	@Test
	void hostWithoutPortPropertyIsLeftAlone() {
		assertThat(ConnectionUri.parse("db.example.com", null).published("blog"))
			.isEqualTo("mongodb://db.example.com/blog");
	}

	@Test
	void srvHostNeverGetsAPort() {
		ConnectionUri uri = ConnectionUri.parse("mongodb+srv://cluster0.example.net/?retryWrites=true", 27017);
		uri.option("srvMaxHosts", List.of("3"));
		uri.option("srvServiceName", List.of("custom"));
		assertThat(uri.published("blog"))
			.isEqualTo("mongodb+srv://cluster0.example.net/blog?retryWrites=true&srvMaxHosts=3&srvServiceName=custom");
	}

	@Test
	void publishedFormHasNoUserInformationNorCredentialOptions() {
		ConnectionUri uri = ConnectionUri.parse(
				"mongodb://app:s3cret@db.example.com/accounts?authSource=admin&authMechanism=SCRAM-SHA-256&replicaSet=rs0"
						+ "&proxyHost=p&proxyUsername=u&proxyPassword=proxy-secret",
				null);
		assertThat(uri.published("blog")).isEqualTo("mongodb://db.example.com/blog?replicaSet=rs0&proxyHost=p");
		assertThat(uri.hasCredentials()).isTrue();
	}

	@Test
	void secretFormKeepsTheHostUriDatabaseForTheAuthenticationDefault() {
		ConnectionUri uri = ConnectionUri.parse("mongodb://app:s3cret@db.example.com/accounts?replicaSet=rs0", null);
		assertThat(uri.withSecrets()).isEqualTo("mongodb://app:s3cret@db.example.com/accounts?replicaSet=rs0");
	}

	@Test
	void redactedFormMasksBothPasswords() {
		ConnectionUri uri = ConnectionUri.parse(
				"mongodb://app:s3cret@db.example.com/?proxyHost=p&proxyUsername=u&proxyPassword=proxy-secret", null);
		assertThat(uri.redacted("blog")).isEqualTo(
				"mongodb://app:****@db.example.com/blog?proxyHost=p&proxyUsername=u&proxyPassword=****");
	}

	@Test
	void optionReplacesTheSameOptionInAnyCase() {
		ConnectionUri uri = ConnectionUri.parse("mongodb://db.example.com/?MAXPOOLSIZE=5&appName=a", null);
		uri.option("maxPoolSize", List.of("9"));
		assertThat(uri.published("blog")).isEqualTo("mongodb://db.example.com/blog?maxPoolSize=9&appName=a");
	}

	@Test
	void propertiesBecomeOptionsNamedAfterTheProperty() {
		DjongoClientProperties client = new DjongoClientProperties();
		client.setHost("db.example.com");
		client.setMaxPoolSize(50);
		client.setReadPreference(DjongoClientProperties.ReadPreferenceMode.PRIMARY_PREFERRED);
		client.setCompressors(List.of(DjongoClientProperties.Compressor.ZSTD, DjongoClientProperties.Compressor.ZLIB));
		client.setReadPreferenceTags(List.of(Map.of("dc", "ny"), Map.of()));
		client.setAppName("my app");
		assertThat(ConnectionUri.of(client).published("blog")).isEqualTo("mongodb://db.example.com/blog?appName=my+app"
				+ "&compressors=zstd%2Czlib&maxPoolSize=50&readPreference=primarypreferred"
				+ "&readPreferenceTags=dc%3Any&readPreferenceTags=");
	}

	@Test
	void noHostMeansLocalhost() {
		assertThat(ConnectionUri.of(new DjongoClientProperties()).published("blog")).isEqualTo("mongodb://localhost/blog");
	}

}
