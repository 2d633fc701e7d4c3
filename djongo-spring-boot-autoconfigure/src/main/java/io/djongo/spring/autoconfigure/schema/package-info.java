/**
 * The schema steps at start-up (indexes, validators) and the {@code --djongo.migrate} and {@code --djongo.check}
 * commands.
 */
@NullMarked
package io.djongo.spring.autoconfigure.schema;

import org.jspecify.annotations.NullMarked;
