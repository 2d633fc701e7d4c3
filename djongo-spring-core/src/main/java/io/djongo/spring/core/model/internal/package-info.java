/**
 * Implementation of the model annotations' constraints, and direct reading of plain models; not an API.
 */
@NullMarked
package io.djongo.spring.core.model.internal;

import org.jspecify.annotations.NullMarked;
