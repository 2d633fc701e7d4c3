package io.djongo.spring.autoconfigure.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE reads: every {@code djongo.*} key is there and documented.
 */
class ConfigurationMetadataUnitTests {

	private static List<Map<String, Object>> properties;

	private static List<Map<String, Object>> hints;

	@BeforeAll
	static void readGeneratedMetadata() throws IOException {
		for (URL url : Collections.list(ConfigurationMetadataUnitTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				if (json.contains("\"djongo.name\"")) {
					properties = JsonPath.read(json, "$.properties[*]");
					hints = JsonPath.read(json, "$.hints[*]");
				}
			}
		}
		assertThat(properties).as("djongo's spring-configuration-metadata.json").isNotNull();
	}

	@Test
	void everyKeyHasADescriptionWithoutJavadocTags() {
		assertThat(djongoProperties()).allSatisfy((property) -> {
			Object description = property.get("description");
			assertThat(description).as("description of %s", property.get("name")).isInstanceOf(String.class);
			assertThat((String) description).as("description of %s", property.get("name"))
				.isNotBlank()
				.doesNotContain("{@")
				.endsWith(".");
		});
	}

	@Test
	void metadataAndTheBindableKeysAgree() {
		Set<String> bindable = DjongoPropertyKeys.all()
			.stream()
			.map((key) -> key.replaceAll("\\.<(name|key)>.*", ""))
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> documented = djongoProperties().stream()
			.map((property) -> (String) property.get("name"))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(documented).isEqualTo(bindable);
	}

	@Test
	void embeddedEnabledHintsItsThreeValues() {
		assertThat(hintValues("djongo.embedded.enabled")).containsExactly("auto", "true", "false");
	}

	@Test
	void storageHintsNativeAndDjango() {
		assertThat(hintValues("djongo.storage")).containsExactly("native", "django");
		assertThat(property("djongo.storage")).containsEntry("defaultValue", "native");
	}

	@Test
	void loggerNamesHintDjongosLoggers() {
		assertThat(hintValues("djongo.logging.loggers.keys")).contains("djongo", "djongo.commands", "djongo.embedded");
	}

	@Test
	void defaultsAreRecorded() {
		assertThat(property("djongo.embedded.enabled")).containsEntry("defaultValue", "auto");
		assertThat(property("djongo.enforce-schema")).containsEntry("defaultValue", false);
		assertThat(property("djongo.logging.log-values")).containsEntry("defaultValue", false);
		assertThat(property("djongo.time-zone")).containsEntry("defaultValue", "UTC");
	}

	@Test
	void everyKeyHasADefaultOrSaysWhatLeavingItUnsetMeans() {
		assertThat(djongoProperties()).allSatisfy((property) -> {
			if (!property.containsKey("defaultValue")) {
				assertThat((String) property.get("description")).as((String) property.get("name"))
					.containsAnyOf("Default:", "Not set", "not set", "Required");
			}
		});
	}

	@Test
	void clientDefaultsAreTheDriversOwn() {
		MongoClientSettings driver = MongoClientSettings.builder().build();
		assertThat(property("djongo.client.max-pool-size")).containsEntry("defaultValue",
				driver.getConnectionPoolSettings().getMaxSize());
		assertThat(property("djongo.client.min-pool-size")).containsEntry("defaultValue",
				driver.getConnectionPoolSettings().getMinSize());
		assertThat(property("djongo.client.max-connecting")).containsEntry("defaultValue",
				driver.getConnectionPoolSettings().getMaxConnecting());
		assertThat(property("djongo.client.wait-queue-timeout-ms")).containsEntry("defaultValue",
				(int) driver.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS));
		assertThat(property("djongo.client.connect-timeout-ms")).containsEntry("defaultValue",
				driver.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS));
		assertThat(property("djongo.client.server-selection-timeout-ms")).containsEntry("defaultValue",
				(int) driver.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS));
		assertThat(property("djongo.client.local-threshold-ms")).containsEntry("defaultValue",
				(int) driver.getClusterSettings().getLocalThreshold(TimeUnit.MILLISECONDS));
		assertThat(property("djongo.client.heartbeat-frequency-ms")).containsEntry("defaultValue",
				(int) driver.getServerSettings().getHeartbeatFrequency(TimeUnit.MILLISECONDS));
		assertThat(property("djongo.client.retry-writes")).containsEntry("defaultValue", driver.getRetryWrites());
		assertThat(property("djongo.client.retry-reads")).containsEntry("defaultValue", driver.getRetryReads());
		assertThat(property("djongo.client.read-preference")).containsEntry("defaultValue",
				driver.getReadPreference().getName());
	}

	@Test
	void embeddedPathIsAFileAndAutoMentionsBothConnections() {
		assertThat(property("djongo.embedded.path")).containsEntry("type", "java.nio.file.Path")
			.doesNotContainKey("defaultValue");
		assertThat((String) property("djongo.embedded.path").get("description")).contains("H2 backend");
		Map<String, Object> auto = hintValue("djongo.embedded.enabled", "auto");
		assertThat((String) auto.get("description")).contains("djongo.client.host", "spring.mongodb.*",
				"djongo-spring-boot-embedded");
	}

	private static List<Map<String, Object>> djongoProperties() {
		return properties.stream().filter((property) -> ((String) property.get("name")).startsWith("djongo.")).toList();
	}

	private static Map<String, Object> property(String name) {
		return properties.stream().filter((property) -> name.equals(property.get("name"))).findFirst().orElseThrow();
	}

	private static Map<String, Object> hintValue(String name, String value) {
		Map<String, Object> hint = hints.stream()
			.filter((candidate) -> name.equals(candidate.get("name")))
			.findFirst()
			.orElseThrow();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> values = (List<Map<String, Object>>) hint.get("values");
		return values.stream().filter((candidate) -> value.equals(candidate.get("value"))).findFirst().orElseThrow();
	}

	private static List<Object> hintValues(String name) {
		Map<String, Object> hint = hints.stream()
			.filter((candidate) -> name.equals(candidate.get("name")))
			.findFirst()
			.orElseThrow();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> values = (List<Map<String, Object>>) hint.get("values");
		return values.stream().map((value) -> value.get("value")).toList();
	}

}
