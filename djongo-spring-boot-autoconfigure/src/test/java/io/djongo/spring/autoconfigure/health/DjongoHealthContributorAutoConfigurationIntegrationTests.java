package io.djongo.spring.autoconfigure.health;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DjongoHealthContributorAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				DjongoHealthContributorAutoConfiguration.class, MongoHealthContributorAutoConfiguration.class))
		.withPropertyValues("djongo.name=healthdb");

	@Test
	void reportsTheDjongoDatabaseUpInPlaceOfSpringBootsIndicator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DjongoHealthIndicator.class);
			HealthIndicator indicator = context.getBean("mongoHealthContributor", HealthIndicator.class);
			assertThat(indicator).isInstanceOf(DjongoHealthIndicator.class);
			Health health = indicator.health(true);
			assertThat(health).isNotNull();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("database", "healthdb").containsKey("version");
		});
	}

	@Test
	void reportsDownWhenTheServerIsUnreachable() {
		this.contextRunner
			.withPropertyValues("djongo.client.host=127.0.0.1:1", "djongo.client.server-selection-timeout-ms=200")
			.run((context) -> {
				Health health = context.getBean(DjongoHealthIndicator.class).health(true);
				assertThat(health).isNotNull();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnMongoHealthIndicator() {
		HealthIndicator own = () -> Health.up().withDetail("own", true).build();
		this.contextRunner.withBean("mongoHealthIndicator", HealthIndicator.class, () -> own).run((context) -> {
			assertThat(context).doesNotHaveBean(DjongoHealthIndicator.class);
			assertThat(context.getBean("mongoHealthIndicator")).isSameAs(own);
		});
	}

	@Test
	void backsOffWhenTheMongoHealthIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.mongodb.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DjongoHealthIndicator.class)
				.doesNotHaveBean("mongoHealthContributor"));
	}

}
