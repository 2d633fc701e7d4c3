/**
 * djongo as an application gets it: a Spring Boot application with the djongo starter's auto-configuration.
 */
@NullMarked
package io.djongo.spring.benchmarks.app;

import org.jspecify.annotations.NullMarked;
