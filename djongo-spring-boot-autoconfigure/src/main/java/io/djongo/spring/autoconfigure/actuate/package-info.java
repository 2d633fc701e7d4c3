/**
 * Actuator support: the {@code djongo} endpoint (models, indexes, last check), and djongo's secrets masked in the
 * {@code env} and {@code configprops} endpoints.
 */
@NullMarked
package io.djongo.spring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
