package io.djongo.spring.autoconfigure.schema;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoProperties;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * The schema of the models at start-up and on demand: the index step and the validators once all singletons exist
 * ({@code djongo.indexes}, {@code djongo.schema.*}), and the {@code --djongo.migrate} and {@code --djongo.check}
 * commands, which run as {@link ApplicationRunner}s and then end the application.
 * <p>
 * The defaults file gives {@code djongo.check} a nested key, so that the bare switch {@code --djongo.check} (an empty
 * value) binds as the group it heads rather than failing as a value {@code djongo.check.*} cannot take.
 */
@AutoConfiguration(after = DjongoAutoConfiguration.class)
@ConditionalOnClass(DjongoTemplate.class)
@ConditionalOnSingleCandidate(DjongoTemplate.class)
@PropertySource("classpath:META-INF/djongo-schema-defaults.properties")
public final class DjongoSchemaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "djongoSchemaSetup")
	SmartInitializingSingleton djongoSchemaSetup(DjongoTemplate template, DjongoProperties properties) {
		return new DjongoSchemaSetup(template.schema(), properties);
	}

	@Bean
	@ConditionalOnMissingBean
	DjongoExit djongoExit(ApplicationContext context) {
		return (code) -> System.exit(SpringApplication.exit(context, () -> code));
	}

	@Bean
	@ConditionalOnProperty("djongo.migrate")
	ApplicationRunner djongoMigrateRunner(DjongoTemplate template, DjongoProperties properties, DjongoExit exit) {
		return new DjongoMigrateRunner(template.schema(), properties, exit);
	}

	@Bean
	@ConditionalOnProperty("djongo.check")
	ApplicationRunner djongoCheckRunner(DjongoTemplate template, DjongoProperties properties, DjongoExit exit) {
		return new DjongoCheckRunner(template.schema(), properties, exit);
	}

}
