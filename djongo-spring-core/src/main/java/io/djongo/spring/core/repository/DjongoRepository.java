package io.djongo.spring.core.repository;

import io.djongo.spring.core.bridge.MongoBridge;
import io.djongo.spring.core.query.QuerySet;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A Spring Data repository for one model, with Django's manager on top: {@link #objects()} returns the model's
 * base {@link QuerySet}, and djongo's {@code DjongoManager}: the raw collection ({@link #mongo()}) and the
 * {@code mongo*} calls of {@link MongoBridge}, which bypass validation.
 *
 * @param <T> the model type
 * @param <ID> the type of its id
 */
@NoRepositoryBean
public interface DjongoRepository<T, ID> extends MongoRepository<T, ID>, MongoBridge {

	/**
	 * Django's {@code Model.objects.all()}: a lazy QuerySet over every document of the model's collection.
	 */
	QuerySet<T> objects();

}
