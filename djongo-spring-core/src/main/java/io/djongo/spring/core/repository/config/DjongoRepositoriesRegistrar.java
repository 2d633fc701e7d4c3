package io.djongo.spring.core.repository.config;

import java.lang.annotation.Annotation;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the repositories found by {@link EnableDjongoRepositories}.
 */
class DjongoRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableDjongoRepositories.class;
	}

	@Override
	protected RepositoryConfigurationExtension getExtension() {
		return new DjongoRepositoryConfigurationExtension();
	}

}
