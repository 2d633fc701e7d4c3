/**
 * Failure analyzers that turn djongo's start-up errors into instructions.
 */
@NullMarked
package io.djongo.spring.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
