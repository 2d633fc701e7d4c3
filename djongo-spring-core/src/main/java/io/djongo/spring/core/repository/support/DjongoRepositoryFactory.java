package io.djongo.spring.core.repository.support;

import java.util.Optional;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.repository.query.QuerySetRepositoryQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryLookupStrategy.Key;
import org.springframework.data.repository.query.ValueExpressionDelegate;

/**
 * Creates {@link io.djongo.spring.core.repository.DjongoRepository} instances: Spring Data's MongoDB repository
 * factory with {@link SimpleDjongoRepository} as base class.
 */
public class DjongoRepositoryFactory extends MongoRepositoryFactory {

	private final DjongoTemplate template;

	public DjongoRepositoryFactory(MongoOperations operations) {
		super(requireDjongoTemplate(operations));
		this.template = requireDjongoTemplate(operations);
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return SimpleDjongoRepository.class;
	}

	/**
	 * Spring Data MongoDB's lookup strategy, except for derived methods declared to return {@code QuerySet<T>},
	 * which become lazy QuerySets.
	 */
	@Override
	protected Optional<QueryLookupStrategy> getQueryLookupStrategy(@Nullable Key key,
			ValueExpressionDelegate valueExpressionDelegate) {
		Optional<QueryLookupStrategy> mongo = super.getQueryLookupStrategy(key, valueExpressionDelegate);
		return mongo.map((strategy) -> (method, metadata, factory, namedQueries) -> {
			if (QuerySetRepositoryQuery.returnsQuerySet(method)) {
				return new QuerySetRepositoryQuery(method, metadata, factory, this.template);
			}
			return strategy.resolveQuery(method, metadata, factory, namedQueries);
		});
	}

	static DjongoTemplate requireDjongoTemplate(MongoOperations operations) {
		if (operations instanceof DjongoTemplate template) {
			return template;
		}
		throw new IllegalStateException("djongo repositories need a DjongoTemplate, but the MongoOperations bean is a "
				+ operations.getClass().getName() + ". Define your template as a DjongoTemplate (it extends MongoTemplate).");
	}

}
