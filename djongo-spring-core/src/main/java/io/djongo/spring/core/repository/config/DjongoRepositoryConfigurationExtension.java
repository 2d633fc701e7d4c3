package io.djongo.spring.core.repository.config;

import io.djongo.spring.core.repository.support.DjongoRepositoryFactoryBean;
import io.djongo.spring.core.repository.support.SimpleDjongoRepository;
import org.springframework.data.mongodb.repository.config.MongoRepositoryConfigurationExtension;

/**
 * Spring Data's MongoDB repository configuration, with djongo's factory bean and base class.
 */
public class DjongoRepositoryConfigurationExtension extends MongoRepositoryConfigurationExtension {

	@Override
	public String getModuleName() {
		return "djongo";
	}

	@Override
	public String getRepositoryBaseClassName() {
		return SimpleDjongoRepository.class.getName();
	}

	@Override
	public String getRepositoryFactoryBeanClassName() {
		return DjongoRepositoryFactoryBean.class.getName();
	}

}
