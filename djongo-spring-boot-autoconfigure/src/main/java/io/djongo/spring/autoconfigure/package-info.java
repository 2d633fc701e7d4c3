/**
 * Spring Boot auto-configuration for djongo-spring: the {@code djongo.*} properties, the client, the template and
 * repositories.
 */
@NullMarked
package io.djongo.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
