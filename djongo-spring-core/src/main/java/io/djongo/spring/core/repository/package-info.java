/**
 * Repository interfaces: {@link io.djongo.spring.core.repository.DjongoRepository}.
 */
@NullMarked
package io.djongo.spring.core.repository;

import org.jspecify.annotations.NullMarked;
