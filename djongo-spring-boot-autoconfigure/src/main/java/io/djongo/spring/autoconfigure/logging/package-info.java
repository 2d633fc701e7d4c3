/**
 * {@code djongo.logging.*}: djongo's dictConfig-like logger levels, applied through Spring Boot's LoggingSystem.
 */
@NullMarked
package io.djongo.spring.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;
