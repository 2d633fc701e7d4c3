package io.djongo.spring.test.autoconfigure.library;

import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.repository.DjongoRepository;

/**
 * Books, with a derived query returning a QuerySet.
 */
public interface BookRepository extends DjongoRepository<Book, Long> {

	QuerySet<Book> findByTitleContainingIgnoreCase(String text);

}
