package io.djongo.spring.autoconfigure.actuate;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.schema.DjongoSchemaAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.schema.CheckReport;
import io.djongo.spring.core.schema.IndexState;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.MongoManagedTypes;
import org.springframework.data.mongodb.core.index.Indexed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Actuator endpoint {@code djongo}: not there unless exposed, as Boot's other endpoints; once exposed it reads the
 * models, their collections and index state, and the last check, and runs a check.
 */
class DjongoEndpointIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class, DjongoSchemaAutoConfiguration.class,
				MongoAutoConfiguration.class, DataMongoAutoConfiguration.class, EndpointAutoConfiguration.class,
				DjongoEndpointAutoConfiguration.class))
		.withPropertyValues("djongo.client.host=" + TestMongo.uri())
		.withBean(MongoManagedTypes.class, () -> MongoManagedTypes.from(Account.class));

	@Test
	void isNotAvailableUnlessExposed() {
		this.contextRunner.withPropertyValues("djongo.name=" + TestMongo.uniqueDatabaseName("endpoint_hidden"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DjongoEndpoint.class));
	}

	@Test
	void readsModelsIndexesAndTheLastCheck() {
		String database = TestMongo.uniqueDatabaseName("endpoint");
		this.contextRunner
			.withPropertyValues("djongo.name=" + database, "management.endpoints.web.exposure.include=djongo")
			.run((context) -> {
				DjongoEndpoint endpoint = context.getBean(DjongoEndpoint.class);
				DjongoEndpoint.DjongoDescriptor descriptor = endpoint.djongo();
				assertThat(descriptor.database()).isEqualTo(database);
				assertThat(descriptor.lastCheck()).isNull();
				assertThat(descriptor.models()).singleElement().satisfies((model) -> {
					assertThat(model.model()).isEqualTo("Account");
					assertThat(model.collection()).isEqualTo("endpoint_account");
					assertThat(model.indexes()).extracting(IndexState::name, IndexState::status)
						.containsExactly(org.assertj.core.groups.Tuple.tuple("login", IndexState.Status.PRESENT));
				});
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				ObjectId id = new ObjectId();
				template.mongo(Account.class).insertOne(new Document("_id", id).append("login", 42));
				CheckReport report = endpoint.check(null);
				assertThat(report.hasDrift()).isTrue();
				assertThat(report.models().get(0).fields()).singleElement()
					.satisfies((field) -> assertThat(field.ids()).containsExactly(id.toHexString()));
				assertThat(endpoint.djongo().lastCheck()).isNotNull();
				template.getDb().drop();
			});
	}

	@org.springframework.data.mongodb.core.mapping.Document("endpoint_account")
	static class Account {

		@Id
		@Nullable ObjectId id;

		@Indexed(unique = true)
		@Nullable String login;

	}

}
