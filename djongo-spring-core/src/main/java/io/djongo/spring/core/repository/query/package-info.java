/**
 * Derived repository query methods that return lazy QuerySets.
 */
@NullMarked
package io.djongo.spring.core.repository.query;

import org.jspecify.annotations.NullMarked;
