/**
 * The {@link io.djongo.spring.test.autoconfigure.DjongoTest @DjongoTest} slice: djongo's auto-configuration and
 * repositories, the embedded server, an empty database before each test.
 */
@NullMarked
package io.djongo.spring.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
