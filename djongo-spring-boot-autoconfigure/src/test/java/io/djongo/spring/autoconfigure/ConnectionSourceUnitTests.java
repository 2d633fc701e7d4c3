package io.djongo.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import io.djongo.spring.autoconfigure.ConnectionSource.Kind;
import io.djongo.spring.autoconfigure.DjongoProperties.EmbeddedMode;
import io.djongo.spring.autoconfigure.embedded.EmbeddedServerUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConnectionSourceUnitTests {

	private static final ClassLoader WITH_SERVER = ConnectionSourceUnitTests.class.getClassLoader();

	private static final ClassLoader WITHOUT_SERVER = new FilteredClassLoader("de.bwaldvogel.mongo");

	@Test
	void autoChoosesTheEmbeddedServerWhenNothingIsConfigured() {
		ConnectionSource source = resolve(new MockEnvironment(), WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.EMBEDDED);
		assertThat(source.djongoKeys()).isEmpty();
		assertThat(source.springKeys()).isEmpty();
		assertThatIllegalStateException().isThrownBy(source::failure);
	}

	@Test
	void autoIsUnresolvedWithoutTheEmbeddedServerOnTheClassPath() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.name", "blog"), WITHOUT_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.UNRESOLVED);
		assertThat(source.failure()).isInstanceOfSatisfying(MongoConnectionNotConfiguredException.class, (failure) -> {
			assertThat(failure.getEmbeddedMode()).isEqualTo(EmbeddedMode.AUTO);
			assertThat(failure.isServerOnClassPath()).isFalse();
		});
	}

	@Test
	void djongoClientHostChoosesDjongoClient() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.client.host", "db.example.com")
			.withProperty("djongo.client.max-pool-size", "5"), WITHOUT_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.DJONGO_CLIENT);
		assertThat(source.djongoKeys()).containsExactly(mock("djongo.client.host"), mock("djongo.client.max-pool-size"));
	}

	@Test
	void djongoClientOptionsWithoutAHostLeaveTheEmbeddedServerAndAreListed() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.client.username", "app"),
				WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.EMBEDDED);
		assertThat(source.djongoKeys()).containsExactly(mock("djongo.client.username"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "spring.mongodb.uri=mongodb://db.example.com", "spring.mongodb.host=db.example.com",
			"spring.mongodb.port=27018", "spring.mongodb.username=app", "spring.mongodb.password=pw",
			"spring.mongodb.additional-hosts[0]=db2.example.com", "spring.mongodb.authentication-database=admin",
			"spring.mongodb.replica-set-name=rs0", "spring.mongodb.protocol=mongodb+srv",
			"spring.mongodb.ssl.enabled=true", "spring.mongodb.ssl.bundle=mongo" })
	void eachSpringMongodbConnectionKeyChoosesSpringMongodbOverTheEmbeddedServer(String property) {
		String key = property.substring(0, property.indexOf('='));
		ConnectionSource source = resolve(
				new MockEnvironment().withProperty(key, property.substring(property.indexOf('=') + 1)), WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.SPRING_MONGODB);
		assertThat(source.springKeys()).containsExactly(mock(key));
	}

	@Test
	void springMongodbUriFromTheEnvironmentVariableIsNamedWithItsOrigin() {
		ConnectionSource source = resolve(environment(Map.of("SPRING_MONGODB_URI", "mongodb://db.example.com/blog")),
				WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.SPRING_MONGODB);
		assertThat(source.springKeys())
			.containsExactly("spring.mongodb.uri (System Environment Property \"SPRING_MONGODB_URI\")");
	}

	@Test
	void springMongodbDatabaseAndRepresentationAreNoConnection() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("spring.mongodb.database", "blog")
			.withProperty("spring.mongodb.representation.uuid", "standard")
			.withProperty("djongo.name", "blog"), WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.EMBEDDED);
		assertThat(source.springKeys()).isEmpty();
	}

	@Test
	void emptyValuesAndPlaceholdersWithoutValueCountAsUnset() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.client.host", "")
			.withProperty("spring.mongodb.uri", "${DJONGO_TEST_NO_SUCH_VARIABLE:}"), WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.EMBEDDED);
		assertThat(source.djongoKeys()).isEmpty();
		assertThat(source.springKeys()).isEmpty();
	}

	@Test
	void placeholdersWithAValueCount() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("db", "db.example.com")
			.withProperty("djongo.client.host", "${db}"), WITHOUT_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.DJONGO_CLIENT);
	}

	@Test
	void djongoClientAndSpringMongodbTogetherAreAConflictNamingBoth() {
		MockEnvironment environment = environment(Map.of("SPRING_MONGODB_URI", "mongodb://db.example.com/blog"));
		environment.setProperty("djongo.client.host", "other.example.com");
		ConnectionSource source = resolve(environment, WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.UNRESOLVED);
		assertThat(source.failure()).isInstanceOfSatisfying(ConflictingMongoPropertiesException.class, (failure) -> {
			assertThat(failure.isDatabase()).isFalse();
			assertThat(failure.getDjongoKeys()).containsExactly(mock("djongo.client.host"));
			assertThat(failure.getSpringKeys())
				.containsExactly("spring.mongodb.uri (System Environment Property \"SPRING_MONGODB_URI\")");
		});
	}

	@Test
	void anyDjongoClientKeyConflictsWithSpringMongodb() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.client.max-pool-size", "50")
			.withProperty("spring.mongodb.uri", "mongodb://db.example.com"), WITH_SERVER);
		assertThat(source.failure()).isInstanceOf(ConflictingMongoPropertiesException.class);
	}

	@Test
	void theConflictIsReportedEvenWhenTheEmbeddedServerIsForced() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.embedded.enabled", "true")
			.withProperty("djongo.client.host", "db.example.com")
			.withProperty("spring.mongodb.host", "db.example.com"), WITH_SERVER);
		assertThat(source.failure()).isInstanceOf(ConflictingMongoPropertiesException.class);
	}

	@Test
	void springDataMongodbKeysThatSpringBoot4NoLongerReadsAreNamedWithTheirReplacements() {
		MockEnvironment environment = environment(Map.of("SPRING_DATA_MONGODB_AUTHENTICATIONDATABASE", "admin"));
		environment.setProperty("spring.data.mongodb.uri", "mongodb://db.example.com/blog");
		environment.setProperty("spring.data.mongodb.uuid-representation", "standard");
		ConnectionSource source = resolve(environment, WITH_SERVER);
		assertThat(source.failure()).isInstanceOfSatisfying(UnsupportedMongoPropertiesException.class,
				(failure) -> assertThat(failure.getReplacements()).containsOnly(
						Map.entry(mock("spring.data.mongodb.uri"), "spring.mongodb.uri"),
						Map.entry(mock("spring.data.mongodb.uuid-representation"), "spring.mongodb.representation.uuid"),
						Map.entry("spring.data.mongodb.authenticationdatabase (System Environment Property"
								+ " \"SPRING_DATA_MONGODB_AUTHENTICATIONDATABASE\")",
								"spring.mongodb.authentication-database")));
	}

	@Test
	void springDataMongodbKeysThatSpringBoot4StillReadsAreFine() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("spring.data.mongodb.auto-index-creation",
				"true")
			.withProperty("spring.data.mongodb.gridfs.bucket", "files")
			.withProperty("spring.data.mongodb.repositories.type", "auto"), WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.EMBEDDED);
	}

	@Test
	void trueChoosesTheEmbeddedServerOverAConfiguredConnection() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.embedded.enabled", "TRUE")
			.withProperty("spring.mongodb.uri", "mongodb://db.example.com"), WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.EMBEDDED);
		assertThat(source.embeddedMode()).isEqualTo(EmbeddedMode.TRUE);
		assertThat(source.springKeys()).containsExactly(mock("spring.mongodb.uri"));
	}

	@Test
	void trueWithoutTheServerOnTheClassPathIsUnresolved() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.embedded.enabled", "true"),
				WITHOUT_SERVER);
		assertThat(source.failure()).isInstanceOfSatisfying(EmbeddedServerUnavailableException.class,
				(failure) -> assertThat(failure.getArtifact()).isEqualTo("de.bwaldvogel:mongo-java-server"));
	}

	@Test
	void falseWithoutAConnectionIsUnresolved() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.embedded.enabled", "false"),
				WITH_SERVER);
		assertThat(source.failure()).isInstanceOfSatisfying(MongoConnectionNotConfiguredException.class, (failure) -> {
			assertThat(failure.getEmbeddedMode()).isEqualTo(EmbeddedMode.FALSE);
			assertThat(failure.isServerOnClassPath()).isTrue();
		});
	}

	@Test
	void springMongodbDatabaseOtherThanDjongoNameIsAConflictWhateverTheSource() {
		MockEnvironment environment = new MockEnvironment().withProperty("djongo.name", "blog")
			.withProperty("spring.mongodb.database", "prod");
		assertThat(resolve(environment, WITH_SERVER).failure())
			.isInstanceOfSatisfying(ConflictingMongoPropertiesException.class, (failure) -> {
				assertThat(failure.isDatabase()).isTrue();
				assertThat(failure.getDjongoKeys()).containsExactly(mock("djongo.name") + ": 'blog'");
				assertThat(failure.getSpringKeys()).containsExactly(mock("spring.mongodb.database") + ": 'prod'");
			});
		environment.setProperty("djongo.client.host", "db.example.com");
		assertThat(resolve(environment, WITH_SERVER).failure()).isInstanceOf(ConflictingMongoPropertiesException.class);
	}

	@Test
	void theDatabaseInTheUriDjongoUsesMustBeDjongoName() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.name", "blog")
			.withProperty("spring.mongodb.uri", "mongodb://db.example.com:27017/prod"), WITH_SERVER);
		assertThat(source.failure()).isInstanceOfSatisfying(ConflictingMongoPropertiesException.class,
				(failure) -> assertThat(failure.getSpringKeys()).containsExactly(mock("spring.mongodb.uri") + ": 'prod'"));
		assertThat(source.failure().getMessage()).isEqualTo(
				"djongo.name names the database 'blog' but " + mock("spring.mongodb.uri") + " names 'prod'");
	}

	@Test
	void theSameDatabaseOrNoneInTheUriIsFine() {
		assertThat(resolve(new MockEnvironment().withProperty("djongo.name", "blog")
			.withProperty("spring.mongodb.uri", "mongodb://db.example.com/blog?retryWrites=true"), WITH_SERVER)
			.kind()).isEqualTo(Kind.SPRING_MONGODB);
		assertThat(resolve(new MockEnvironment().withProperty("djongo.name", "blog")
			.withProperty("spring.mongodb.uri", "mongodb://db.example.com/?authSource=admin"), WITH_SERVER)
			.kind()).isEqualTo(Kind.SPRING_MONGODB);
		assertThat(resolve(new MockEnvironment().withProperty("djongo.name", "blog")
			.withProperty("spring.mongodb.database", "blog")
			.withProperty("spring.mongodb.host", "db.example.com"), WITH_SERVER).kind())
			.isEqualTo(Kind.SPRING_MONGODB);
	}

	@Test
	void theDatabaseOfAHostUriIsDjongosAuthenticationDatabaseAndNoConflict() {
		ConnectionSource source = resolve(new MockEnvironment().withProperty("djongo.name", "blog")
			.withProperty("djongo.client.host", "mongodb://db.example.com/accounts"), WITH_SERVER);
		assertThat(source.kind()).isEqualTo(Kind.DJONGO_CLIENT);
	}

	@Test
	void removedKeysAreExactlyThoseSpringBootDeprecatesAtLevelErrorForSpringMongodb() throws IOException {
		Map<String, String> deprecated = new TreeMap<>();
		for (Map<String, Object> property : springBootMetadata("additional-spring-configuration-metadata.json")) {
			String name = (String) property.get("name");
			@SuppressWarnings("unchecked")
			Map<String, Object> deprecation = (Map<String, Object>) property.get("deprecation");
			if (name.startsWith("spring.data.mongodb.") && deprecation != null
					&& "error".equals(deprecation.get("level"))
					&& String.valueOf(deprecation.get("replacement")).startsWith("spring.mongodb.")) {
				deprecated.put(name, (String) deprecation.get("replacement"));
			}
		}
		assertThat(new TreeMap<>(ConnectionSource.REMOVED_KEYS)).isEqualTo(deprecated);
	}

	@Test
	void springConnectionKeysCoverSpringBootsMongoPropertiesButDatabaseAndRepresentation() throws IOException {
		TreeSet<String> keys = new TreeSet<>();
		for (Map<String, Object> property : springBootMetadata("spring-configuration-metadata.json")) {
			String name = (String) property.get("name");
			if (name.startsWith("spring.mongodb.") && !name.equals("spring.mongodb.database")
					&& !name.startsWith("spring.mongodb.representation.")) {
				keys.add(name);
			}
		}
		assertThat(keys).isNotEmpty().allSatisfy((key) -> assertThat(ConnectionSource.SPRING_CONNECTION_KEYS)
			.anyMatch((connectionKey) -> ConfigurationPropertyName.of(connectionKey)
				.equals(ConfigurationPropertyName.of(key))
					|| ConfigurationPropertyName.of(connectionKey).isAncestorOf(ConfigurationPropertyName.of(key))));
		assertThat(ConnectionSource.SPRING_CONNECTION_KEYS)
			.allSatisfy((connectionKey) -> assertThat(keys).anyMatch((key) -> key.startsWith(connectionKey)));
	}

	private static List<Map<String, Object>> springBootMetadata(String file) throws IOException {
		for (URL url : Collections.list(WITH_SERVER.getResources("META-INF/" + file))) {
			if (url.toString().contains("spring-boot-mongodb-")) {
				try (InputStream in = url.openStream()) {
					return JsonPath.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "$.properties[*]");
				}
			}
		}
		throw new IllegalStateException("spring-boot-mongodb's " + file + " is not on the class path");
	}

	/** A key as a {@link MockEnvironment}'s own properties name it: with the name of its property source. */
	private static String mock(String key) {
		return key + " (property source 'mockProperties')";
	}

	private static ConnectionSource resolve(MockEnvironment environment, ClassLoader classLoader) {
		return ConnectionSource.resolve(environment, classLoader);
	}

	/** An environment with the given variables as its system environment, as Spring Boot sets it up. */
	private static MockEnvironment environment(Map<String, Object> variables) {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		new SystemEnvironmentPropertySourceEnvironmentPostProcessor().postProcessEnvironment(environment,
				new SpringApplication());
		return environment;
	}

	@Test
	void aVariableWithoutSpringBootsOriginIsNamedWithItsPropertySource() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("SPRING_MONGODB_URI", "mongodb://db.example.com")));
		assertThat(resolve(environment, WITH_SERVER).springKeys())
			.containsExactly("spring.mongodb.uri (SPRING_MONGODB_URI in property source 'systemEnvironment')");
	}

}
