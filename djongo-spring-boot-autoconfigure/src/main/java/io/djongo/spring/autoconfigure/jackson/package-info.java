/**
 * JSON of djongo's models with Jackson 3: lazy relations as their ids until loaded.
 */
@NullMarked
package io.djongo.spring.autoconfigure.jackson;

import org.jspecify.annotations.NullMarked;
