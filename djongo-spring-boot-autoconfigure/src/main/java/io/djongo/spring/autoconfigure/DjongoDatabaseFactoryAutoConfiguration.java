package io.djongo.spring.autoconfigure;

import com.mongodb.client.MongoClient;
import io.djongo.spring.core.bridge.DjongoTemplate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * The {@link MongoDatabaseFactory} on {@code djongo.name}, whatever database the connection details name: a
 * Testcontainers service connection names {@code test}, and {@code djongo.name} must still be the models' database.
 * Ordered after Spring Boot's client auto-configuration (which backs off entirely when a factory exists) and before
 * its data auto-configuration (whose factory then backs off).
 */
@AutoConfiguration(after = { DjongoAutoConfiguration.class, MongoAutoConfiguration.class },
		before = DataMongoAutoConfiguration.class)
@ConditionalOnClass({ DjongoTemplate.class, MongoClient.class })
@ConditionalOnMissingBean(MongoDatabaseFactory.class)
@ConditionalOnSingleCandidate(MongoClient.class)
@EnableConfigurationProperties(DjongoProperties.class)
public final class DjongoDatabaseFactoryAutoConfiguration {

	@Bean
	MongoDatabaseFactorySupport<?> mongoDatabaseFactory(MongoClient mongoClient, DjongoProperties properties) {
		return new SimpleMongoClientDatabaseFactory(mongoClient, properties.requireName());
	}

}
