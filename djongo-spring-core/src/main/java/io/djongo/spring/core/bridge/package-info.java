/**
 * The mongo bridge: {@link io.djongo.spring.core.bridge.DjongoTemplate} and raw collection access for what the ORM does not express.
 */
@NullMarked
package io.djongo.spring.core.bridge;

import org.jspecify.annotations.NullMarked;
