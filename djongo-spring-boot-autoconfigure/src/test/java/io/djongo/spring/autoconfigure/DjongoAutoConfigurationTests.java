package io.djongo.spring.autoconfigure;

import com.mongodb.client.MongoClient;
import io.djongo.spring.autoconfigure.embedded.EmbeddedMongoServer;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class DjongoAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DjongoAutoConfiguration.class, MongoAutoConfiguration.class,
					DataMongoAutoConfiguration.class));

	@Test
	void startsTheEmbeddedServerWhenNoHostIsSet() {
		this.contextRunner.withPropertyValues("djongo.name=autoconf").run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedMongoServer.class).hasSingleBean(MongoClient.class);
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			assertThat(template.getDb().getName()).isEqualTo("autoconf");
			assertThat(template.command(new Document("ping", 1)).get("ok")).isIn(1, 1.0);
			assertThat(context.getBean(MongoTemplate.class)).isSameAs(template);
		});
	}

	@Test
	void connectsToTheConfiguredHostWithoutEmbeddedServer() {
		this.contextRunner.withPropertyValues("djongo.name=remote", "djongo.client.host=" + TestMongo.uri())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getDatabase())
					.isEqualTo("remote");
				DjongoTemplate template = context.getBean(DjongoTemplate.class);
				template.mongo("probe").insertOne(new Document("x", 1));
				assertThat(template.mongo("probe").countDocuments()).isEqualTo(1);
				template.getDb().drop();
			});
	}

	@Test
	void embeddedServerCanBeForcedOnAndOff() {
		this.contextRunner.withPropertyValues("djongo.name=x", "djongo.client.host=db.invalid",
				"djongo.embedded.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(EmbeddedMongoServer.class));
		this.contextRunner.withPropertyValues("djongo.name=x", "djongo.embedded.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
					.containsExactly("localhost");
			});
	}

	@Test
	void backsOffWhenTheUserDefinesMongoOperations() {
		this.contextRunner.withPropertyValues("djongo.name=x")
			.withBean("userTemplate", MongoTemplate.class,
					() -> new MongoTemplate(com.mongodb.client.MongoClients.create(TestMongo.uri()), "x"))
			.run((context) -> {
				assertThat(context).hasSingleBean(MongoOperations.class).doesNotHaveBean(DjongoTemplate.class);
			});
	}

	@Test
	void contextFailsWhenNameIsEmpty() {
		this.contextRunner.withPropertyValues("djongo.name=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingDatabaseNameException.class);
		});
	}

	@Test
	void contextFailsWhenNameIsMissing() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingDatabaseNameException.class);
		});
	}

}
