package io.djongo.spring.core.repository.support;

import java.util.List;

import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.relation.internal.Deletions;
import io.djongo.spring.core.relation.internal.UnsavedRelations;
import io.djongo.spring.core.repository.DjongoRepository;
import org.bson.Document;
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

	private final UnsavedRelations unsavedRelations;

	public SimpleDjongoRepository(MongoEntityInformation<T, ID> metadata, MongoOperations operations) {
		super(metadata, operations);
		this.template = DjongoRepositoryFactory.requireDjongoTemplate(operations);
		this.model = metadata.getJavaType();
		this.metadata = metadata;
		this.unsavedRelations = new UnsavedRelations(this.template.getConverter().getMappingContext());
	}

	/**
	 * Saves all models, or none when one of them is invalid: new models go in one insert, validated together first;
	 * a mix of new and existing ones is validated whole (and checked for unsaved related objects) before the first is
	 * saved.
	 */
	@Override
	public <S extends T> List<S> saveAll(Iterable<S> entities) {
		List<S> models = Streamable.of(entities).toList();
		if (!models.stream().allMatch(this.metadata::isNew)) {
			this.template.getModelValidator().validateAll(models);
			this.unsavedRelations.check(models);
		}
		return super.saveAll(models);
	}

	// deletes apply the on_delete rules of the relations pointing at the model (see Deletions); delete(entity)
	// reaches them through DjongoTemplate.remove(entity, collection)

	@Override
	public void deleteById(ID id) {
		Deletions deletions = this.template.getDeletions();
		if (deletions.hasDependents(this.model)) {
			deletions.deleteByIds(this.model, List.of(id));
		}
		else {
			super.deleteById(id);
		}
	}

	@Override
	public void deleteAllById(Iterable<? extends ID> ids) {
		Deletions deletions = this.template.getDeletions();
		if (deletions.hasDependents(this.model)) {
			deletions.deleteByIds(this.model, ids);
		}
		else {
			super.deleteAllById(ids);
		}
	}

	/**
	 * Deletes the models; when relations point at the model, all of them in one deletion (no optimistic-locking check
	 * for unversioned models, as none is needed), else one by one as Spring Data does.
	 */
	@Override
	public void deleteAll(Iterable<? extends T> entities) {
		Deletions deletions = this.template.getDeletions();
		if (deletions.hasDependents(this.model) && !this.metadata.isVersioned()) {
			List<ID> ids = Streamable.of(entities).map(this.metadata::getRequiredId).toList();
			deletions.deleteByIds(this.model, ids);
		}
		else {
			super.deleteAll(entities);
		}
	}

	@Override
	public void deleteAll() {
		Deletions deletions = this.template.getDeletions();
		if (deletions.hasDependents(this.model)) {
			deletions.deleteAll(this.model);
		}
		else {
			super.deleteAll();
		}
	}

	@Override
	public QuerySet<T> objects() {
		return this.template.objects(this.model);
	}

	@Override
	public <R> QuerySet<R> related(T instance, String relation) {
		return this.template.related(instance, relation);
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
