/**
 * The repository factory and base implementation behind {@link io.djongo.spring.core.repository.DjongoRepository}.
 */
@NullMarked
package io.djongo.spring.core.repository.support;

import org.jspecify.annotations.NullMarked;
