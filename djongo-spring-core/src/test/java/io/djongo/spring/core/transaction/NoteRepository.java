package io.djongo.spring.core.transaction;

import io.djongo.spring.core.repository.DjongoRepository;

public interface NoteRepository extends DjongoRepository<Note, Long> {

}
