package io.djongo.spring.core.bridge;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.WriteConcern;
import io.djongo.spring.core.schema.ModelValidator;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * A template's options are values: each {@code with...} makes a copy and leaves the original as it was; and the
 * template's entity callbacks run djongo's rules after the application's before-convert callbacks only.
 */
class DjongoOptionsUnitTests {

	@Test
	void theDefaultsAreUtcHiddenValuesAndNothingGiven() {
		DjongoOptions defaults = DjongoOptions.defaults();
		assertThat(defaults.timeZone()).isEqualTo(ZoneOffset.UTC);
		assertThat(defaults.logValues()).isFalse();
		assertThat(defaults.validator()).isNull();
		assertThat(defaults.writeConcern()).isNull();
		assertThat(defaults.clusterDescription()).isNull();
	}

	@Test
	void eachWitherMakesACopy() {
		ModelValidator validator = new ModelValidator(null);
		DjongoOptions defaults = DjongoOptions.defaults();
		DjongoOptions options = defaults.withTimeZone(ZoneId.of("Europe/Paris"))
			.withLogValues(true)
			.withValidator(validator)
			.withWriteConcern(WriteConcern.MAJORITY);

		assertThat(options.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(options.logValues()).isTrue();
		assertThat(options.validator()).isSameAs(validator);
		assertThat(options.writeConcern()).isEqualTo(WriteConcern.MAJORITY);
		assertThat(defaults).isEqualTo(DjongoOptions.defaults()).isNotEqualTo(options);
		assertThat(options).isEqualTo(DjongoOptions.defaults()
			.withTimeZone(ZoneId.of("Europe/Paris"))
			.withLogValues(true)
			.withValidator(validator)
			.withWriteConcern(WriteConcern.MAJORITY));
	}

	@Test
	void nothingIsSetToNull() {
		assertThatNullPointerException().isThrownBy(() -> DjongoOptions.defaults().withTimeZone(nullZone()))
			.withMessage("timeZone");
	}

	@Test
	void djongosRulesFollowTheApplicationsBeforeConvertCallbacksAndShapeDocumentsBeforeItsBeforeSaveOnes() {
		List<String> steps = new ArrayList<>();
		EntityCallbacks application = EntityCallbacks.create((BeforeConvertCallback<Object>) (entity, collection) -> {
			steps.add("application " + entity);
			return entity + "'";
		}, (BeforeSaveCallback<Object>) (entity, document, collection) -> {
			steps.add("application save " + entity);
			return entity;
		});
		DjongoEntityCallbacks callbacks = new DjongoEntityCallbacks(application, (entity, collection) -> {
			steps.add("djongo " + entity + " in " + collection);
			return entity;
		}, (entity, document) -> steps.add("djongo shape " + entity), (entity) -> {
			steps.add("djongo read " + entity);
			return entity;
		}, () -> steps.add("added"));

		Object converted = callbacks.callback(BeforeConvertCallback.class, "model", "things");
		callbacks.callback(BeforeSaveCallback.class, "model", new Document(), "things");
		callbacks.callback(AfterConvertCallback.class, "model", new Document(), "things");

		assertThat(converted).isEqualTo("model'");
		assertThat(steps).containsExactly("application model", "djongo model' in things", "djongo shape model",
				"application save model", "djongo read model");
	}

	@SuppressWarnings("DataFlowIssue")
	private static ZoneId nullZone() {
		Object none = null;
		return (ZoneId) none;
	}

}
