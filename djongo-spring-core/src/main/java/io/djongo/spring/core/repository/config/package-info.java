/**
 * Enabling djongo repositories: {@link io.djongo.spring.core.repository.config.EnableDjongoRepositories}.
 */
@NullMarked
package io.djongo.spring.core.repository.config;

import org.jspecify.annotations.NullMarked;
