/**
 * Spring Data MongoDB as an application gets it: a Spring Boot application with Spring Boot's MongoDB
 * auto-configuration and none of djongo's.
 */
@NullMarked
package io.djongo.spring.benchmarks.springdata;

import org.jspecify.annotations.NullMarked;
