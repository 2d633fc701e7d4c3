/**
 * Implementation of the model annotations' constraints; not an API.
 */
@NullMarked
package io.djongo.spring.core.model.internal;

import org.jspecify.annotations.NullMarked;
