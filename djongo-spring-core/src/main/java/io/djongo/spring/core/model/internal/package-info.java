/**
 * Implementation of the model annotations' constraints, and the per-model codec: plain models read and written
 * straight from and into BSON (or documents) as Spring Data's converter reads and writes them; not an API.
 */
@NullMarked
package io.djongo.spring.core.model.internal;

import org.jspecify.annotations.NullMarked;
