package io.djongo.spring.core.repository.support;

import java.io.Serializable;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactoryBean;
import org.springframework.data.repository.Repository;

/**
 * Factory bean for djongo repositories; it serves plain {@code MongoRepository} interfaces as well.
 */
public class DjongoRepositoryFactoryBean<T extends Repository<S, ID>, S, ID extends Serializable>
		extends MongoRepositoryFactoryBean<T, S, ID> {

	public DjongoRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
		super(repositoryInterface);
	}

	@Override
	protected MongoRepositoryFactory getFactoryInstance(MongoOperations operations) {
		return new DjongoRepositoryFactory(operations);
	}

}
