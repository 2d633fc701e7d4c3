package io.djongo.spring.core.schema;

import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.FieldViolation;
import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Map keys become field names, so a key starting with {@code $} (an operator to MongoDB) or containing {@code .} (a
 * path) is refused on every write with a {@link ValidationException} naming the field and the key; nothing is written.
 */
@SpringJUnitConfig
class MapKeyValidationIntegrationTests {

	@Autowired
	DjongoTemplate template;

	@Autowired
	SettingsRepository settings;

	@BeforeEach
	void empty() {
		this.settings.mongo().drop();
	}

	@Test
	void aKeyStartingWithDollarIsRefusedOnSave() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.settings.save(new Settings(Map.of("$where", "sleep(1000)"))))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(FieldViolation::path, FieldViolation::message)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("attributes",
						"Map key '$where' cannot be stored: a key must not start with '$' nor contain '.'")));
		assertThat(this.settings.mongo().countDocuments()).isZero();
	}

	@Test
	void aKeyWithADotIsRefusedBeforeSpringDataConvertsIt() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.template.insert(new Settings(Map.of("a.b", 1))))
			.withMessageContaining("Settings is not valid")
			.satisfies((ex) -> assertThat(ex.getViolations()).singleElement()
				.satisfies((violation) -> assertThat(violation.message()).contains("'a.b'")));
		assertThat(this.settings.mongo().countDocuments()).isZero();
	}

	@Test
	void nestedMapsListsOfMapsAndEmbeddedContainersAreChecked() {
		Settings settings = new Settings(Map.of("ok", Map.of("inner", List.of(Map.of("$gt", 1)))));
		settings.options = List.of(Map.of("fine", 1), Map.of("x.y", 2));
		settings.panel = new Panel(Map.of("$ne", "x"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.settings.save(settings))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(FieldViolation::path)
				.containsExactlyInAnyOrder("attributes.ok.inner[0]", "options[1]", "panel.labels"));
		assertThat(this.template.getModelValidator().violations(settings)).hasSize(3);
	}

	@Test
	void aBulkCreateNamesTheModelAndWritesNothing() {
		List<Settings> batch = List.of(new Settings(Map.of("a", 1)), new Settings(Map.of("b", 2)),
				new Settings(Map.of("$c", 3)));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.settings.saveAll(batch))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(FieldViolation::path)
				.containsExactly("[2].attributes"));
		assertThat(this.settings.mongo().countDocuments()).isZero();
	}

	@Test
	void anUpdateWithSuchAKeyIsRefused() {
		Settings saved = this.settings.save(new Settings(Map.of("theme", "dark")));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.settings.objects().filter("pk", saved.id).update("attributes", Map.of("$set", 1)));
		assertThat(this.settings.objects().get("pk", saved.id).attributes).containsExactly(Map.entry("theme", "dark"));
	}

	@Test
	void ordinaryKeysAreStored() {
		Settings saved = this.settings.save(new Settings(Map.of("thème", "dark", "with space", 1, "a$b", 2)));
		assertThat(this.settings.findById(saved.id).orElseThrow().attributes).containsOnlyKeys("thème", "with space",
				"a$b");
	}

	@Document("map_key_settings")
	static class Settings {

		@Id
		@Nullable Long id;

		Map<String, Object> attributes;

		@Nullable List<Map<String, Object>> options;

		@EmbeddedField
		@Nullable Panel panel;

		Settings(Map<String, Object> attributes) {
			this.attributes = attributes;
		}

	}

	@ModelContainer
	static class Panel {

		@Nullable Map<String, Object> labels;

		Panel(@Nullable Map<String, Object> labels) {
			this.labels = labels;
		}

	}

	interface SettingsRepository extends DjongoRepository<Settings, Long> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

}
