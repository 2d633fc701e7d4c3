package io.djongo.spring.core.repository.support;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.repository.DjongoRepository;
import org.bson.Document;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.repository.query.MongoEntityInformation;
import org.springframework.data.mongodb.repository.support.SimpleMongoRepository;
import org.springframework.data.util.Streamable;

/**
 * The implementation behind every {@link DjongoRepository}: Spring Data's {@link SimpleMongoRepository} plus the
 * djongo manager calls, all going through one {@link DjongoTemplate}.
 */
public class SimpleDjongoRepository<T, ID> extends SimpleMongoRepository<T, ID> implements DjongoRepository<T, ID> {

	private final DjongoTemplate template;

	private final Class<T> model;

	private final MongoEntityInformation<T, ID> metadata;

	public SimpleDjongoRepository(MongoEntityInformation<T, ID> metadata, MongoOperations operations) {
		super(metadata, operations);
		this.template = DjongoRepositoryFactory.requireDjongoTemplate(operations);
		this.model = metadata.getJavaType();
		this.metadata = metadata;
	}

	/**
	 * Saves all models, or none when one of them is invalid: new models go in one insert, validated together first;
	 * a mix of new and existing ones is validated whole (and checked for unsaved related objects) before the first is
	 * saved.
	 */
	@Override
	public <S extends T> List<S> saveAll(Iterable<S> entities) {
		List<S> models = Streamable.of(entities).toList();
		if (allNew(models)) {
			// what Spring Data's saveAll does with new models, without asking each whether it is new a second time
			return new ArrayList<>(this.template.insert(models, this.metadata.getCollectionName()));
		}
		this.template.validateAll(models);
		return super.saveAll(models);
	}

	private boolean allNew(List<? extends T> models) {
		for (T model : models) {
			if (!this.metadata.isNew(model)) {
				return false;
			}
		}
		return true;
	}

	// deletes apply the on_delete rules of the relations pointing at the model, through the template; delete(entity)
	// reaches them through DjongoTemplate.remove(entity, collection)

	@Override
	public void deleteById(ID id) {
		this.template.deleteByIds(this.model, List.of(id));
	}

	@Override
	public void deleteAllById(Iterable<? extends ID> ids) {
		this.template.deleteByIds(this.model, ids);
	}

	/**
	 * Deletes the models: unversioned ones in one deletion (no optimistic-locking check is needed), versioned ones
	 * one by one as Spring Data does, each checking its version.
	 */
	@Override
	public void deleteAll(Iterable<? extends T> entities) {
		if (this.metadata.isVersioned()) {
			super.deleteAll(entities);
			return;
		}
		List<ID> ids = Streamable.of(entities).map(this.metadata::getRequiredId).toList();
		if (!ids.isEmpty()) {
			this.template.deleteByIds(this.model, ids);
		}
	}

	@Override
	public void deleteAll() {
		this.template.deleteAll(this.model);
	}

	/**
	 * Spring Data's page of the models, as {@link QuerySet#page(Pageable)} reads it: ordered by the Pageable's sort,
	 * else by the model's {@code @Model(ordering)}, else by id; one find, and a count when the page does not tell the
	 * total.
	 */
	@Override
	public Page<T> findAll(Pageable pageable) {
		return objects().page(pageable);
	}

	/** Every model, ordered by the sort, else by the model's {@code @Model(ordering)}, as its QuerySets are. */
	@Override
	public List<T> findAll(Sort sort) {
		return new ArrayList<>(objects().page(Pageable.unpaged(sort)).getContent());
	}

	@Override
	public QuerySet<T> objects() {
		return this.template.objects(this.model);
	}

	@Override
	public <R> QuerySet<R> related(T instance, String relation) {
		return this.template.related(instance, relation);
	}

	@Override
	public <R> QuerySet<R> related(T instance, String relation, Class<R> model) {
		return this.template.related(instance, relation, model);
	}

	// the mongo bridge

	@Override
	public MongoCollection<Document> mongo() {
		return this.template.mongo(this.model);
	}

	@Override
	public <R> R toModel(Document document, Class<R> type) {
		return this.template.toModel(document, type);
	}

}
