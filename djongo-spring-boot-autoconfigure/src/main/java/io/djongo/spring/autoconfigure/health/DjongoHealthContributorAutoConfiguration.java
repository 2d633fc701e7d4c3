package io.djongo.spring.autoconfigure.health;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Contributes the {@code mongo} health indicator for the djongo database, in place of Spring Boot's. Backs off when
 * the application defines a bean named {@code mongoHealthIndicator} or {@code mongoHealthContributor}.
 */
@AutoConfiguration(after = { DjongoAutoConfiguration.class, DataMongoAutoConfiguration.class },
		before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ DjongoTemplate.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(MongoOperations.class)
@ConditionalOnEnabledHealthIndicator("mongodb")
public final class DjongoHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "mongoHealthIndicator", "mongoHealthContributor" })
	DjongoHealthIndicator mongoHealthContributor(MongoOperations operations) {
		return new DjongoHealthIndicator(operations);
	}

}
