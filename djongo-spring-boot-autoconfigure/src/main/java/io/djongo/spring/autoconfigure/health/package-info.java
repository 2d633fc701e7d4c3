/**
 * Actuator health for the djongo database.
 */
@NullMarked
package io.djongo.spring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
