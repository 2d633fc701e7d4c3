package io.djongo.spring.autoconfigure;

import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.support.DjongoRepositoryFactoryBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.ConditionalOnRepositoryType;
import org.springframework.boot.autoconfigure.data.RepositoryType;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.repository.config.MongoRepositoryConfigurationExtension;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactoryBean;

/**
 * Registers the application's {@link DjongoRepository} interfaces (and plain {@code MongoRepository} ones) from its
 * auto-configuration packages, in place of Spring Boot's MongoDB repository auto-configuration. Backs off when the
 * application enables repositories itself.
 */
@AutoConfiguration(after = DjongoAutoConfiguration.class, before = DataMongoRepositoriesAutoConfiguration.class)
@ConditionalOnClass({ DjongoRepository.class, DjongoRepositoryFactoryBean.class })
@ConditionalOnMissingBean({ MongoRepositoryFactoryBean.class, MongoRepositoryConfigurationExtension.class })
@ConditionalOnRepositoryType(store = "mongodb", type = RepositoryType.IMPERATIVE)
@Import(DjongoRepositoriesRegistrar.class)
public final class DjongoRepositoriesAutoConfiguration {

}
