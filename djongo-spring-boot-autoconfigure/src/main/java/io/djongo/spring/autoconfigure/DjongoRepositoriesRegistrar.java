package io.djongo.spring.autoconfigure;

import java.lang.annotation.Annotation;

import io.djongo.spring.core.repository.config.DjongoRepositoryConfigurationExtension;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Scans the auto-configuration packages for repositories, as {@link EnableDjongoRepositories} would.
 */
class DjongoRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableDjongoRepositories.class;
	}

	@Override
	protected Class<?> getConfiguration() {
		return EnableDjongoRepositoriesConfiguration.class;
	}

	@Override
	protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
		return new DjongoRepositoryConfigurationExtension();
	}

	@EnableDjongoRepositories
	private static final class EnableDjongoRepositoriesConfiguration {

	}

}
