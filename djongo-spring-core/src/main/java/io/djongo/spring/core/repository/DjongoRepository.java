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

	/**
	 * The models related to one of this repository's models, as a QuerySet of the other side: Django's
	 * {@code author.post_set}, written {@code authors.related(author, "posts")}. The relation is a foreign key or
	 * many-to-many field of the model, or the related name of one pointing at it.
	 * @param <R> the related model
	 */
	<R> QuerySet<R> related(T instance, String relation);

	/**
	 * {@link #related(Object, String)} typed: {@code authors.related(author, "books", Book.class)} is a
	 * {@code QuerySet<Book>}, and fails naming the relation's model when that is not {@code model}.
	 * @param <R> the related model
	 */
	<R> QuerySet<R> related(T instance, String relation, Class<R> model);

}
