package io.djongo.spring.test.autoconfigure.library;

import io.djongo.spring.core.repository.DjongoRepository;

/**
 * Genres.
 */
public interface GenreRepository extends DjongoRepository<Genre, Long> {

}
