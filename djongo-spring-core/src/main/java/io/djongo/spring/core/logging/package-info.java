/**
 * djongo's loggers: the command log ({@code djongo.commands}) of what each client sends to MongoDB.
 */
@NullMarked
package io.djongo.spring.core.logging;

import org.jspecify.annotations.NullMarked;
