package io.djongo.spring.core.repository.support;

import io.djongo.spring.core.bridge.DjongoTemplate;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.data.repository.core.RepositoryMetadata;

/**
 * Creates {@link io.djongo.spring.core.repository.DjongoRepository} instances: Spring Data's MongoDB repository
 * factory with {@link SimpleDjongoRepository} as base class.
 */
public class DjongoRepositoryFactory extends MongoRepositoryFactory {

	public DjongoRepositoryFactory(MongoOperations operations) {
		super(requireDjongoTemplate(operations));
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return SimpleDjongoRepository.class;
	}

	static DjongoTemplate requireDjongoTemplate(MongoOperations operations) {
		if (operations instanceof DjongoTemplate template) {
			return template;
		}
		throw new IllegalStateException("djongo repositories need a DjongoTemplate, but the MongoOperations bean is a "
				+ operations.getClass().getName() + ". Define your template as a DjongoTemplate (it extends MongoTemplate).");
	}

}
