package io.djongo.spring.autoconfigure.health;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Contributes the {@code mongo} health indicator for the djongo database, in place of Spring Boot's.
 */
@AutoConfiguration(after = DjongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(DjongoTemplate.class)
@ConditionalOnEnabledHealthIndicator("mongodb")
public final class DjongoHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "mongoHealthIndicator", "mongoHealthContributor" })
	DjongoHealthIndicator mongoHealthContributor(DjongoTemplate template) {
		return new DjongoHealthIndicator(template);
	}

}
