/**
 * QuerySet internals: compiling lookups to MongoDB commands and running them. Not API.
 */
@NullMarked
package io.djongo.spring.core.query.internal;

import org.jspecify.annotations.NullMarked;
